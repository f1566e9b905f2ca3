"""Training speed of the engine against a bare vectorised numpy loop, measured side by side.

Run: ``python tests/benchmarks/engine_speed.py``. Prints, for each case, steps per second of
``Trainer.step_iteration`` (with all its teaching data and history), of ``Network.train_step``
and of a bare loop written by hand (the same float64 math, loss included, nothing kept), and
the ratios to the bare loop. Case (e) is TensorFlow Playground's default task, in epochs per
second (the Playground runs one epoch per animation frame, at most 60 per second).
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable

import numpy as np

from backprop_gui.engine import Network, Trainer
from backprop_gui.engine.datasets import make_dataset

FUNCTIONS = {
    "sigmoid": (lambda z: 1.0 / (1.0 + np.exp(-z)), lambda a: a * (1.0 - a)),
    "tanh": (np.tanh, lambda a: 1.0 - a * a),
    "relu": (lambda z: np.maximum(z, 0.0), lambda a: (a > 0.0).astype(a.dtype)),
}


def bare_loop(
    sizes: list[int], names: list[str], X: np.ndarray, Y: np.ndarray, eta: float, batch: int
) -> Callable[[], float]:
    """One SGD step of squared error as anyone would write it with numpy, as a closure."""
    rng = np.random.default_rng(0)
    weights = [rng.uniform(-0.5, 0.5, (n_out, n_in)) for n_in, n_out in itertools.pairwise(sizes)]
    biases = [np.zeros(n_out) for n_out in sizes[1:]]
    functions = [FUNCTIONS[name] for name in names]
    n = X.shape[0]
    state = {"start": n, "order": np.arange(n)}

    def step() -> float:
        if batch >= n:
            x, y = X, Y
        else:
            if state["start"] >= n:
                state["order"] = rng.permutation(n)
                state["start"] = 0
            index = state["order"][state["start"] : state["start"] + batch]
            state["start"] += batch
            x, y = X[index], Y[index]
        activations = [x]
        for w, b, (f, _) in zip(weights, biases, functions, strict=False):
            activations.append(f(activations[-1] @ w.T + b))
        error = activations[-1] - y
        loss = 0.5 * float(np.vdot(error, error)) / x.shape[0]
        delta = error * functions[-1][1](activations[-1]) / x.shape[0]
        for layer in range(len(weights) - 1, -1, -1):
            grad_w = delta.T @ activations[layer]
            grad_b = delta.sum(axis=0)
            if layer:
                delta = (delta @ weights[layer]) * functions[layer - 1][1](activations[layer])
            weights[layer] -= eta * grad_w
            biases[layer] -= eta * grad_b
        return loss

    return step


ROUNDS = 7


def rate(step: Callable[[], object], seconds: float = 1.0) -> float:
    """Calls per second of ``step``, over about ``seconds``."""
    step()
    count, start = 0, time.perf_counter()
    while True:
        for _ in range(20):
            step()
        count += 20
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return count / elapsed


def case(label: str, sizes, names, X, Y, eta=0.1, batch=None, seconds=1.0) -> None:
    batch = batch or X.shape[0]
    trainer = Trainer(Network(sizes, names, seed=0), X, Y, learning_rate=eta, batch_size=batch)
    network = Network(sizes, names, seed=0)
    bare = bare_loop(list(sizes), list(names), X, Y, eta, batch)
    # Interleaved rounds, each timing all four back to back, so that machine noise hits them
    # alike; the ratios are taken within a round, then their median over the rounds.
    rates = {"trainer": [], "trainer_bulk": [], "train_step": [], "bare": []}
    for _ in range(ROUNDS):
        rates["bare"].append(rate(bare, seconds / ROUNDS))
        rates["trainer"].append(rate(trainer.step_iteration, seconds / ROUNDS))
        rates["trainer_bulk"].append(
            20 * rate(lambda: trainer.run_iterations(20), seconds / ROUNDS)
        )
        rates["train_step"].append(
            rate(lambda: network.train_step(X[:batch], Y[:batch], eta), seconds / ROUNDS)
        )
    bare_rates = np.array(rates["bare"])
    median = {key: float(np.median(values)) for key, values in rates.items()}
    ratio = {key: float(np.median(np.array(values) / bare_rates)) for key, values in rates.items()}
    print(
        f"{label:<32} bare {median['bare']:>7.0f}/s | Trainer.run_iterations "
        f"{median['trainer_bulk']:>7.0f}/s ({ratio['trainer_bulk']:.2f}x) | "
        f"step_iteration {median['trainer']:>7.0f}/s ({ratio['trainer']:.2f}x) | "
        f"Network.train_step {median['train_step']:>7.0f}/s ({ratio['train_step']:.2f}x)"
    )


def playground_case(seconds: float = 2.0) -> None:
    data = make_dataset("circles", n_samples=250, noise=0.0, seed=0)
    X, Y = data.X, (data.Y * 2.0 - 1.0)  # tanh output, targets in {-1, 1} as in the Playground
    trainer = Trainer(
        Network([2, 4, 2, 1], ["tanh", "tanh", "tanh"], seed=0),
        X,
        Y,
        learning_rate=0.03,
        batch_size=10,
        task="regression",
    )
    bare = bare_loop([2, 4, 2, 1], ["tanh", "tanh", "tanh"], X, Y, 0.03, 10)
    per_epoch = trainer.batches_per_epoch
    bare_epochs, trainer_epochs = [], []
    for _ in range(ROUNDS):
        bare_epochs.append(rate(lambda: [bare() for _ in range(per_epoch)], seconds / ROUNDS))
        trainer_epochs.append(rate(trainer.run_epoch, seconds / ROUNDS))
    ratio = float(np.median(np.array(trainer_epochs) / np.array(bare_epochs)))
    print(
        f"{'(e) Playground circles 2-4-2-1':<32} bare {np.median(bare_epochs):>7.0f} epochs/s | "
        f"Trainer {np.median(trainer_epochs):>7.0f} epochs/s ({ratio:.2f}x; "
        f"the Playground: at most 60/s)"
    )


def main() -> None:
    rng = np.random.default_rng(0)
    xor = make_dataset("xor_4")
    case("(a) XOR 2-4-4-1, 4 samples", [2, 4, 4, 1], ["tanh", "tanh", "sigmoid"], xor.X, xor.Y)
    cloud = make_dataset("xor", n_samples=500, seed=0)
    case("(b) 2-8-8-1, 500 samples", [2, 8, 8, 1], ["tanh", "tanh", "sigmoid"], cloud.X, cloud.Y)
    spiral = make_dataset("spiral", n_samples=1000, seed=0)
    case(
        "(c) 2-16-16-16-1, 1000 samples",
        [2, 16, 16, 16, 1],
        ["tanh", "tanh", "tanh", "sigmoid"],
        spiral.X,
        spiral.Y,
    )
    X = rng.random((256, 784))
    Y = np.eye(10)[rng.integers(0, 10, 256)]
    case("(d) 784-128-10, 256 samples", [784, 128, 10], ["relu", "sigmoid"], X, Y, seconds=2.0)
    playground_case()


if __name__ == "__main__":
    main()
