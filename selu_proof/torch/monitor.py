r"""``SelfNormalizationMonitor``: are a network's layers inside the Theorem 1 domain?

Theorem 1 (paper Section 3; ``selu_proof/proofs/theorem1.toml``, certified in
``theorem1.cert.json``) holds for ``alpha_01, lambda_01`` when the layer input
has moments ``mu in [-0.1, 0.1]``, ``nu in [0.8, 1.5]`` and the unit's
weights have ``omega = sum_i w_i in [-0.1, 0.1]``, ``tau = sum_i w_i**2 in
[0.95, 1.1]``.

**By data flow.**  The monitor hooks the activations themselves: every
:class:`~selu_proof.torch.SELU` and ``torch.nn.SELU`` module and, when the
model calls ``torch.nn.functional.selu`` / ``torch.selu`` in its ``forward``
(found by tracing it once with ``torch.fx``; an untraceable model is watched
for them in its first recorded pass), the functional calls through a
``TorchFunctionMode`` active during recorded passes only.  Each SELU call's
input is attributed to the ``Linear`` / ``Conv`` module that produced that
very tensor (forward hooks record the weight layers' outputs, matched by
identity, also through dropout and ``Identity`` modules).  Each call is one
row, whichever way it is reached: ``torch.nn.SELU``'s forward is ``F.selu``,
and a functional SELU called inside a SELU module's forward is that module's
call (while functional calls are watched, a forward pre-hook on each SELU
module marks its calls); a SELU module inside a SELU module is part of its
call.  So a shared SELU module used after every layer of a ``ModuleList``,
``F.selu`` in ``forward`` (also next to ``torch.nn.SELU`` modules, also in a
forward ``torch.fx`` cannot trace), or modules registered ``l1, l2, act`` and
used as ``act(l2(act(l1(x))))`` are all monitored layer by layer.  Per layer
and recorded pass it reports

* the layer input's mean and variance (pooled over the batch and the input
  units: the empirical ``(mu, nu)``) and whether they are in the box;
* each unit's ``omega_j`` and ``tau_j`` (rows of the weight; a ``Conv``
  unit is an output channel, its fan-in is ``in_channels * kernel size``):
  mean, min, max over units, and the fraction of units inside the box;
* the SELU output's mean and variance (the empirical ``(mu~, nu~)``);
* ``in_theorem1_domain``: the SELU has the Theorem 1 constants, the input
  moments are in the box and *every* unit's ``(omega_j, tau_j)`` is; and
  ``mean_in_theorem1_domain``, the mean-field reading of the paper (the
  units' *average* ``omega``, ``tau`` in the box instead of every unit);
* backward (:meth:`SelfNormalizationMonitor.gradients`): the mean squared
  gradient at the layer's input and output and its growth against the
  certified ``chi1`` at the layer's measured statistics
  (:mod:`selu_proof.torch.gradients`).

**Any catalogue activation.**  :class:`~selu_proof.torch.Normalized` and
:class:`~selu_proof.torch.Transformed` modules are watched like SELU modules (recognised by
type; their calls are rows, attributed the same way).  Their rows have the same keys (the
Theorem 1 ones are false: the theorem is SELU's) plus ``activation_spec`` (the catalogue
activation), ``design`` (the module's activation, settings and constants) and
``fixed_point``, the certified fixed point of that activation's moment map at ``omega = 0,
tau = 1``; their backward rows compare the gradient growth with ``chi1 = tau E[F'(z)^2]``
of that activation, enclosed by certified quadrature at the measured statistics
(:mod:`selu_proof.torch.monitor_mean_field`).  The quadrature runs only when
:meth:`~SelfNormalizationMonitor.report` or :meth:`~SelfNormalizationMonitor.gradients` is
called, and is cached.

**Statistics, not proofs.**  The per-unit box test is vectorized against float
bounds rounded outward from the exact ends (:mod:`selu_proof.torch.statistics`),
and everything measured is a sample.  A layer bias is outside the theorem's
model ``z = sum_i w_i x_i``; its largest magnitude is reported as ``bias_abs_max``.

**Cost.**  During a recorded pass the hooks only keep references (the layer
inputs, the SELU outputs, the gradients); when the pass ends, each monitored
weight is copied once, all in one ``torch._foreach_copy_`` into buffers reused
from pass to pass (not with ``snapshot=False``; ``bias_abs_max`` is read from
the bias when the report is made); the statistics are computed when
:meth:`~SelfNormalizationMonitor.report` or
:meth:`~SelfNormalizationMonitor.gradients` is called, on the tensors' device.
Memory: one pass's activations and gradients stay alive until the next
recorded pass has ended (in training they are alive during the step anyway); a
pass whose forward raises is dropped and the last complete one stays reported.  A tensor
changed in place after the pass reports NaN moments.  ``benchmarks/bench_monitor.py``
measures the overhead per training step.

**Parts.**  This module holds the monitor (its hooks, its life cycle, the report);
:mod:`~selu_proof.torch.monitor_targets` says what it watches (SELUs, weight layers, the
pairs found by tracing), :mod:`~selu_proof.torch.monitor_records` what a recorded pass
keeps (rows, weight copies), :mod:`~selu_proof.torch.statistics` and
:mod:`~selu_proof.torch.gradients` compute the rows of the report.
"""

from __future__ import annotations

import sys
import warnings
from typing import Any

import torch
from torch import nn
from torch.overrides import TorchFunctionMode

from selu_proof.torch.design import describe, same_design, selu_constants
from selu_proof.torch.gradients import gradient_row, gradient_table
from selu_proof.torch.monitor_mean_field import certified_chi1, mean_field_row, watched
from selu_proof.torch.monitor_records import _Pass, _Row, _WeightCopies
from selu_proof.torch.monitor_targets import (
    _FUNCTIONAL,
    _SELU_FUNCTIONS,
    _WEIGHTED,
    _dropout_design,
    _is_dropout,
    _transparent,
    activation_design,
    static_pairs,
)
from selu_proof.torch.statistics import THEOREM1_BOX, in_box, layer_row

__all__ = ["SelfNormalizationMonitor", "SelfNormalizationWarning", "THEOREM1_BOX", "in_box"]


class SelfNormalizationWarning(UserWarning):
    """The monitor cannot see what it should (no SELU, an unattributed input, a mismatched pair)."""


class _FunctionalSELU(TorchFunctionMode):
    """Sees ``F.selu`` / ``torch.selu`` calls during a recorded pass.

    A call made inside a SELU module's ``forward`` (``torch.nn.SELU.forward`` is
    ``F.selu``) is that module's call, which its own hook records: ``inside``
    counts the SELU module calls under way (a forward pre-hook on each SELU module
    adds one, its forward hook takes it back) and such calls are not recorded.
    """

    def __init__(self, monitor: SelfNormalizationMonitor) -> None:
        super().__init__()
        self.monitor = monitor
        self.inside = 0

    def __torch_function__(self, func, types, args=(), kwargs=None):  # noqa: ANN001
        out = func(*args, **(kwargs or {}))
        if func in _SELU_FUNCTIONS and args and not self.inside:
            self.monitor._activation(_FUNCTIONAL, _FUNCTIONAL, _STANDARD, args[0], out)
        return out


_STANDARD = selu_constants(nn.SELU())


class SelfNormalizationMonitor:
    """Hooks that follow a network's data flow to its SELU (and catalogue-activation) layers.

    See the module docstring.

    The monitor **starts recording on construction** (``mon =
    SelfNormalizationMonitor(net); net(x); mon.report()`` works) and
    records until :meth:`close`.  As a context manager it removes its hooks
    when the outermost ``with`` block exits; nested and repeated blocks are
    safe (the blocks are counted, and entering a closed monitor re-attaches
    it).  ``start=False`` builds it detached: then :meth:`report` raises until
    it is started (``with mon:`` or :meth:`start`).  With ``every=N`` only
    every ``N``-th forward pass of ``model`` is recorded.  :meth:`report`
    returns the rows of the last recorded pass, :meth:`gradients` its backward
    view.  It reports statistics; it proves nothing.

    ``snapshot=True`` (the default) copies the monitored weights when a
    recorded pass ends, so that a report made after an optimizer step still
    gives the weights of the pass.  ``snapshot=False`` skips that copy (one
    read and one write of every monitored weight per recorded pass: the larger
    part of the monitor's cost for wide layers, see ``benchmarks/bench_monitor.py``)
    and reports the weights as they are when :meth:`report` is called (each
    row's ``weights_as_of`` says ``"report"`` instead of ``"pass"``).

    Warnings (:class:`SelfNormalizationWarning`): no SELU visible in the model;
    a SELU (or ``Normalized`` / ``Transformed`` module) whose input no
    ``Linear``/``Conv`` produced; an alpha dropout built for other SELU constants
    or another fixed point than the SELU before it, or after a ``Normalized`` /
    ``Transformed`` module.

    Examples
    --------
    >>> import torch
    >>> from selu_proof.torch import SELU, selu_normal_
    >>> torch.manual_seed(0)  # doctest: +ELLIPSIS
    <torch._C.Generator object at ...>
    >>> net = torch.nn.Sequential(torch.nn.Linear(64, 64, bias=False), SELU())
    >>> _ = selu_normal_(net[0].weight)
    >>> with SelfNormalizationMonitor(net) as mon:
    ...     _ = net(torch.randn(512, 64))
    >>> row = mon.report()[0]
    >>> row["layer"], round(row["tau"]["min"], 6), row["units_in_box"], row["in_theorem1_domain"]
    ('0', 1.0, 1.0, True)
    """

    def __init__(self, model: nn.Module, *, every: int = 1, gradients: bool = True,
                 snapshot: bool = True, start: bool = True) -> None:
        if int(every) < 1:
            raise ValueError(f"every must be a positive integer, got {every!r}")
        if not isinstance(snapshot, bool):
            raise TypeError(f"snapshot must be True or False, got {snapshot!r}")
        self.model = model
        self.every = int(every)
        self.track_gradients = bool(gradients)
        self._static, traced, functional = static_pairs(model)
        self._watch_functions = functional or not traced
        self._traced = traced
        has_module = any(activation_design(m) is not None for m in model.modules())
        if not has_module and not functional and traced:  # untraceable: see the first pass
            self._warn(f"{type(model).__name__} has no SELU module and its forward calls no "
                       "functional SELU: nothing to monitor")
        self._kinds: dict[str, str] = {}  # name -> kind of the watched non-SELU modules
        self._handles: list[Any] = []
        self._enter_hooks: list[Any] = []  # on the SELU modules, while functions are watched
        self._depth = 0
        self._started = False
        self._calls = 0
        self._current: _Pass | None = None
        self._last: _Pass | None = None
        self._mode: _FunctionalSELU | None = None
        self._warned: set[str] = set()
        self._recorded_passes = 0
        self._weights = _WeightCopies(snapshot)
        if start:
            self.start()

    # ------------------------------------------------------------------ attaching

    @staticmethod
    def _warn(message: str) -> None:
        warnings.warn(message, SelfNormalizationWarning, stacklevel=3)

    def _warn_once(self, key: str, message: str) -> None:
        if key not in self._warned:
            self._warned.add(key)
            self._warn(message)

    @property
    def active(self) -> bool:
        """Whether the hooks are attached."""
        return bool(self._handles)

    def start(self) -> SelfNormalizationMonitor:
        """Attach the hooks (no-op when attached)."""
        self._started = True
        if self._handles:
            return self
        h = self._handles
        h.append(self.model.register_forward_pre_hook(self._begin_pass))
        h.append(self.model.register_forward_hook(self._end_pass, always_call=True))
        selus: list[str] = []
        for name, m in self.model.named_modules():
            if isinstance(m, _WEIGHTED):
                h.append(m.register_forward_hook(self._weight_hook(name)))
            elif (design := activation_design(m)) is not None:
                if any(name.startswith(f"{s}.") for s in selus):
                    continue  # a SELU inside a SELU module: part of that module's call
                selus.append(name)
                if watched(design):
                    self._kinds[name] = design["kind"]
                counted = self._watch_functions
                h.append(m.register_forward_hook(self._selu_hook(name, design, counted),
                                                 always_call=counted))
                if counted:
                    self._enter_hooks.append(m.register_forward_pre_hook(self._enter_selu))
            elif _transparent(m):
                h.append(m.register_forward_hook(self._transparent_hook(name)))
        return self

    def close(self) -> None:
        """Remove every hook (idempotent); the recorded rows stay readable."""
        for h in self._handles + self._enter_hooks:
            h.remove()
        self._handles.clear()
        self._enter_hooks.clear()
        self._depth = 0
        if self._mode is not None:  # a pass interrupted by an exception
            self._mode.__exit__(None, None, None)
            self._mode = None

    def __enter__(self) -> SelfNormalizationMonitor:
        """Attach the hooks if needed and count the block."""
        self.start()
        self._depth += 1
        return self

    def __exit__(self, *exc: object) -> None:
        """Remove the hooks when the outermost block exits."""
        self._depth -= 1
        if self._depth <= 0:
            self.close()

    # ------------------------------------------------------------------ recording

    def _begin_pass(self, module: nn.Module, args: Any) -> None:
        if self._current is not None:  # re-entrant call of the model: part of this pass
            return
        recording = self._calls % self.every == 0
        self._calls += 1
        if not recording:
            return
        self._current = _Pass()  # the previous pass stays readable until this one ends well
        if self._watch_functions:
            self._mode = _FunctionalSELU(self)
            self._mode.__enter__()

    def _end_pass(self, module: nn.Module, args: Any, output: Any) -> None:
        p = self._current
        if p is None:
            return
        if self._mode is not None:
            self._mode.__exit__(None, None, None)
            self._mode = None
        self._current = None
        p.producers.clear()  # drop the references only needed for matching
        p.outputs.clear()
        if output is None and sys.exc_info()[1] is not None:
            return  # the forward raised (torch calls this hook from its except block): the
            # partial pass is dropped, the last complete one stays the one reported
        self._weights.take(p.rows)
        self._last = p
        self._recorded_passes += 1
        if not self._traced and self._recorded_passes == 1:
            self._watch_functions = any(r.activation == _FUNCTIONAL for r in p.rows) or any(
                n == _FUNCTIONAL for n in p.unattributed)
            if not self._watch_functions:
                for h in self._enter_hooks:
                    h.remove()
                self._enter_hooks.clear()
        if not p.activations_seen:
            self._warn_once("none", f"a recorded pass of {type(self.model).__name__} called "
                            "no SELU: nothing to monitor")
        for name in p.unattributed:
            kind = self._kinds.get(name, "SELU")
            self._warn_once(f"unattributed:{name}", f"the input of {kind} {name!r} was not "
                            "produced by a Linear/Conv module (e.g. a residual sum, a "
                            "normalization or a reshape in between): that call is not "
                            "monitored")

    def _hook_grad(self, t: Any) -> None:
        """Keep ``t``'s gradient (``retain_grad``: a C++ hook, no Python call in backward)."""
        if self.track_gradients and t.requires_grad and not t.is_leaf:
            t.retain_grad()

    def _weight_hook(self, name: str):
        def hook(module: nn.Module, inputs: tuple[Any, ...], output: torch.Tensor) -> None:
            p = self._current
            if p is not None and inputs and isinstance(output, torch.Tensor):
                x = inputs[0]  # only references here; a SELU call that matches keeps them
                p.producers[id(output)] = (output, name, module, x, x._version)
        return hook

    def _enter_selu(self, module: nn.Module, args: Any) -> None:
        """A SELU module's call begins: functional SELU calls in it are that call."""
        if self._mode is not None:
            self._mode.inside += 1

    def _selu_hook(self, name: str, design: dict[str, Any], counted: bool):
        """A SELU module's forward hook; ``counted``: it ends a call ``_enter_selu`` counted."""
        def hook(module: nn.Module, inputs: tuple[Any, ...], output: torch.Tensor) -> None:
            if self._current is not None and inputs:
                self._activation(name, module, design, inputs[0], output)

        def counted_hook(module: nn.Module, inputs: tuple[Any, ...], output: Any) -> None:
            mode = self._mode
            if mode is not None and mode.inside:
                mode.inside -= 1
            hook(module, inputs, output)
        return counted_hook if counted else hook

    def _activation(self, name: str, module: Any, design: dict[str, Any], x: Any,
                    out: Any) -> None:
        p = self._current
        if p is None or not isinstance(out, torch.Tensor):
            return
        p.activations_seen += 1
        hit = p.producers.get(id(x))
        if hit is None:
            if name not in p.unattributed:
                p.unattributed.append(name)
            return
        _, layer, weights, layer_in, in_version = hit
        if self.track_gradients:
            if not (p.rows and p.rows[-1].out is layer_in):  # else retained already
                self._hook_grad(layer_in)
            if out.requires_grad and not out.is_leaf:
                out.retain_grad()
        row = _Row(layer, weights, layer_in, in_version, name, module, design, out,
                   out._version)
        p.rows.append(row)
        p.outputs[id(out)] = (out, row)

    def _transparent_hook(self, name: str):
        def hook(module: nn.Module, inputs: tuple[Any, ...], output: Any) -> None:
            p = self._current
            if p is None or not inputs or not isinstance(output, torch.Tensor):
                return
            key = id(inputs[0])
            if key in p.producers:
                p.producers[id(output)] = (output, *p.producers[key][1:])
            hit = p.outputs.get(key)
            if hit is None:
                return
            row = hit[1]
            if _is_dropout(module) and watched(row.design):
                self._warn_once(f"pair:{row.activation}:{name}",
                                f"dropout {name!r} follows {row.design['kind']} "
                                f"{row.activation!r} ({row.design['activation']}): alpha "
                                "dropout keeps a SELU's fixed point, not this activation's, "
                                "and its factor is not in the expected gradient ratio")
            elif _is_dropout(module):
                d = _dropout_design(module)
                sel = {**row.design, "kind": d["kind"], "p": d["p"]}
                if not same_design(sel, d):
                    self._warn_once(f"pair:{row.activation}:{name}",
                                    f"dropout {name!r} is {describe(d)} but follows SELU "
                                    f"{row.activation!r}, {describe(row.design)}: it does not "
                                    "keep that SELU's fixed point; build it with "
                                    "AlphaDropout.from_selu(selu, p)")
                if module.training and d["p"] > 0:
                    row.dropout = d
            row.out, row.out_version = output, output._version
            self._hook_grad(output)
            p.outputs[id(output)] = (output, row)
        return hook

    # ------------------------------------------------------------------ reading

    @property
    def pairs(self) -> list[tuple[str, nn.Module, Any]]:
        """``(layer name, weight module, activation)`` per monitored call.

        From the last recorded pass (data flow); before any pass, the pairs
        found by tracing the model with ``torch.fx`` (empty if it cannot be
        traced).  A functional SELU is named ``"F.selu"``.
        """
        if self._last is None:
            return list(self._static)
        return [(r.layer, r.layer_module, r.module) for r in self._last.rows]

    def _check_started(self) -> None:
        if not self._started:
            raise RuntimeError("this monitor was built with start=False and never started, so "
                               "it recorded nothing: use 'with monitor:' around the forward "
                               "passes, or call monitor.start() first")

    def report(self) -> list[dict[str, Any]]:
        """One dict per monitored call of the last recorded forward pass, in call order.

        Keys: ``layer`` (the producing module's name), ``index``, ``kind``,
        ``units``, ``fan_in``, ``input_mean``, ``input_var``,
        ``input_in_box``, ``omega`` and ``tau`` (each ``{"mean", "min",
        "max"}`` over units), ``units_in_box``, ``mean_weights_in_box``,
        ``bias_abs_max``, ``activation`` (the SELU module's name, or
        ``"F.selu"``), ``mean``, ``var`` (SELU output), ``theorem1_constants``,
        ``in_theorem1_domain``, ``mean_in_theorem1_domain``, ``weights_as_of``
        (``"pass"``: ``omega``, ``tau`` are those of the weights in the pass;
        ``"report"``: of the weights now, with ``snapshot=False``).  A call of a
        ``Normalized`` / ``Transformed`` module adds ``activation_spec``, ``design`` and
        ``fixed_point`` (:func:`.monitor_mean_field.mean_field_row`; its
        ``theorem1_constants`` is false).  Empty before the first recorded pass;
        ``RuntimeError`` if the monitor was never started.
        """
        self._check_started()
        if self._last is None:
            return []
        rows = []
        for k, r in enumerate(self._last.rows):
            weight, as_of = self._weights.weight(r.layer_module)
            row = layer_row(k, r.layer, r.layer_module, weight, r.layer_module.bias, r.x,
                            r.x_version, r.out, r.out_version, r.activation, r.design)
            row["weights_as_of"] = as_of
            if watched(r.design):
                row.update(mean_field_row(r.design))
            rows.append(row)
        return rows

    def gradients(self, rows: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
        """The backward view of the last recorded pass (:func:`.gradients.gradient_row`).

        Needs a ``backward()`` through that pass; before it (or in ``no_grad``)
        the gradient entries are ``None``.  ``rows`` reuses a :meth:`report`.  A
        ``Normalized`` / ``Transformed`` layer's ``chi1`` is that activation's
        (:func:`.monitor_mean_field.certified_chi1`), its row adds ``activation_spec`` and
        ``chi1_over``, the cell of statistics the enclosure holds on.
        """
        self._check_started()
        if not self.track_gradients:
            raise RuntimeError("this monitor was built with gradients=False; build it with "
                               "gradients=True to record the backward view")
        if self._last is None:
            return []
        rows = self.report() if rows is None else rows
        out = []
        for row, r in zip(rows, self._last.rows, strict=True):
            growth = None
            if watched(r.design):
                def growth(*stats: float, design: dict[str, Any] = r.design) -> dict[str, Any]:
                    return certified_chi1(design, *stats)
            g = gradient_row(row, r.layer_module, r.design, r.x.grad, r.out.grad, r.dropout,
                             self._weights.weight(r.layer_module)[0], growth)
            if growth is not None:
                g["activation_spec"] = r.design["activation"]
            out.append(g)
        return out

    def table(self) -> str:
        """The report as a fixed-width text table."""
        head = (f"{'layer':>8} {'in mean':>8} {'in var':>7} {'mean':>8} {'var':>7} "
                f"{'omega mean':>10} {'omega range':>17} {'tau mean':>8} {'tau range':>15} "
                f"{'in box':>6} {'Thm 1':>5}")
        lines = [head]
        for r in self.report():
            o, t = r["omega"], r["tau"]
            lines.append(
                f"{r['layer']:>8} {r['input_mean']:8.4f} {r['input_var']:7.4f} "
                f"{r['mean']:8.4f} {r['var']:7.4f} "
                f"{o['mean']:10.4f} [{o['min']:7.3f}, {o['max']:6.3f}] {t['mean']:8.4f} "
                f"[{t['min']:6.3f}, {t['max']:6.3f}] {r['units_in_box']:6.0%} "
                f"{'-' if 'fixed_point' in r else 'yes' if r['in_theorem1_domain'] else 'no':>5}")
        return "\n".join(lines)

    def gradient_table(self) -> str:
        """:meth:`gradients` as a fixed-width text table."""
        return gradient_table(self.gradients())

    def summary(self) -> None:
        """Print :meth:`table` and, after a backward pass, :meth:`gradient_table`."""
        print(self.table())
        if (self.track_gradients and self._last is not None
                and any(r.out.grad is not None for r in self._last.rows)):
            print()
            print(self.gradient_table())
