"""Committed certificates check, re-prove to the same bytes, resume, and parallel runs."""

from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor

import pytest
from helpers_specs import prove_until_interrupted

from selu_proof.kernel.checker import check_file
from selu_proof.kernel.specs import PROOFS_DIR, load_spec, shipped_specs
from selu_proof.search import prover
from selu_proof.search.prover import prove_spec

SHIPPED = sorted(shipped_specs())


def test_shipped_specs_are_the_papers():
    assert SHIPPED == ["chi1_range", "lemma12", "lemma12_extrema", "theorem1",
                       "theorem1_extrema", "theorem1_image", "theorem1_quadrature", "theorem2",
                       "theorem2_extrema", "theorem3a", "theorem3a_extrema", "theorem3b",
                       "theorem3b_extrema"]
    t3 = load_spec(shipped_specs()["theorem3a"])
    assert str(t3.domain[2][0]) == "1/50"  # from nu = 0.02, the main text's version
    kinds = [c.get("jacobian", "variance") for c in load_spec(shipped_specs()["lemma12"]).claims]
    assert kinds == ["variance", "second_moment"]


@pytest.mark.parametrize("name", SHIPPED)
def test_committed_certificate_is_valid(name):
    res = check_file(PROOFS_DIR / f"{name}.cert.json")
    assert res.valid, res.message
    assert res.name == name


@pytest.mark.parametrize("name", SHIPPED)
def test_reproving_gives_the_committed_bytes(name, tmp_path):
    results = prove_spec(load_spec(shipped_specs()[name]), out_dir=tmp_path)
    assert [r.status for r in results] == ["proved"] * len(results)
    assert (tmp_path / f"{name}.cert.json").read_bytes() == \
        (PROOFS_DIR / f"{name}.cert.json").read_bytes()


def test_worker_count_does_not_change_the_certificate(tmp_path):
    spec = load_spec(shipped_specs()["lemma12"])
    prove_spec(spec, out_dir=tmp_path / "one")
    with ProcessPoolExecutor(2) as ex:
        prove_spec(spec, out_dir=tmp_path / "two", executor=ex)
    assert (tmp_path / "one" / "lemma12.cert.json").read_bytes() == \
        (tmp_path / "two" / "lemma12.cert.json").read_bytes()


def test_interrupted_run_resumes_without_redoing_work(tmp_path, monkeypatch):
    spec = load_spec(shipped_specs()["lemma12"])
    prove_until_interrupted(spec, tmp_path, monkeypatch, after=10)
    ckpt = tmp_path / "lemma12.checkpoint.json"
    assert ckpt.exists()
    assert not (tmp_path / "lemma12.cert.json").exists()
    searched = []
    real = prover.prove_box

    def counting(*args):
        searched.append(args[2])
        return real(*args)

    monkeypatch.setattr(prover, "prove_box", counting)
    (r1, r2) = prove_spec(spec, out_dir=tmp_path, resume=True)
    assert r1.status == r2.status == "proved"
    assert (tmp_path / "lemma12.cert.json").read_bytes() == \
        (PROOFS_DIR / "lemma12.cert.json").read_bytes()
    assert not ckpt.exists()
    # exactly the 10 subtrees finished before the interruption were not searched again
    from selu_proof.kernel.claims import goals_of_claim
    from selu_proof.kernel.model import model_of

    params = model_of(spec.model, 128)
    tasks = sum(len(prover.expand_frontier(g.key, g.bound, spec.domain, params).open)
                for c in spec.claims for g in goals_of_claim(spec, c))
    assert tasks > 10
    assert len(searched) == tasks - 10


def test_dask_executor_gives_the_same_certificate(tmp_path):
    """The cluster executor (Dask distributed) produces the committed bytes too."""
    distributed = pytest.importorskip("distributed")
    spec = load_spec(shipped_specs()["theorem1"])
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        prove_spec(spec, out_dir=tmp_path, executor=client.get_executor())
    assert (tmp_path / "theorem1.cert.json").read_bytes() == \
        (PROOFS_DIR / "theorem1.cert.json").read_bytes()
