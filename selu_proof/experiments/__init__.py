"""The experiment harness: the training and GAN runs behind ``selu-proof train`` and
``selu-proof gan`` and the scripts of ``experiments/*.py``.

:mod:`~selu_proof.experiments.training` trains fully connected networks on the data sets
of :mod:`~selu_proof.experiments.datasets` next to the normalization baselines of
:mod:`~selu_proof.experiments.baselines`; :mod:`~selu_proof.experiments.gan` trains GANs
on 2-D mixtures; :mod:`~selu_proof.experiments.comparison` and
:mod:`~selu_proof.experiments.results` turn the runs into the findings, tables and figures
of docs/experiments.md.  It imports torch and scikit-learn (``pip install
'selu-proof[train]'``) and builds on the layer users import, :mod:`selu_proof.torch`.
"""
