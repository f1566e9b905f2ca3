"""The four phases of an iteration as an explicit state machine, with everything they computed.

One iteration = forward pass, error (loss), backward pass, weight update, always in that order.
``step_phase`` runs the next phase only, so a class can look at the numbers between phases;
``step_iteration`` and ``run_epoch`` run many at once for training at full speed. After each
phase the trainer keeps what it computed (z, a, losses, deltas, gradients, the update) so the
screen shows it without doing any math itself.
"""

from __future__ import annotations

import enum
import math
import time

import numpy as np

from backprop_gui.engine.flat import FlatParameters
from backprop_gui.engine.history import History, layer_norms
from backprop_gui.engine.network import BackwardTrace, ForwardTrace, Network
from backprop_gui.messages import QT_TRANSLATE_NOOP, Message, TranslatableError


class Phase(enum.Enum):
    """The phases of an iteration, in order."""

    FORWARD = "forward"
    LOSS = "loss"
    BACKWARD = "backward"
    UPDATE = "update"


PHASES: tuple[Phase, ...] = tuple(Phase)

_QUIET = {"over": "ignore", "invalid": "ignore", "divide": "ignore"}
"""Overflow is expected when training diverges; the trainer checks for it and says so."""

TASKS = ("binary", "multiclass", "regression")


class TrainingDiverged(ArithmeticError):
    """A loss, gradient or weight stopped being a finite number; the weights were kept finite."""

    def __init__(self, message: Message) -> None:
        super().__init__(str(message))
        self.message = message


def _setting_error(template: str, **params: object) -> TranslatableError:
    return TranslatableError(Message("Trainer", template, **params))


class Trainer:
    """Trains ``network`` on (X, Y) one phase, iteration or epoch at a time.

    X has shape (n_samples, n_inputs) and Y (n_samples, n_outputs). ``batch_size=None`` means
    the full batch; smaller batches are drawn from a seeded shuffle of the samples each epoch.
    The gradient is the mean over the batch, plus ``l2 * w`` and ``l1 * sign(w)`` for the
    weights (never the biases) when regularised; ``momentum`` keeps a velocity
    ``v <- momentum * v - eta * g`` and moves ``w <- w + v`` (plain SGD when it is 0).
    """

    def __init__(
        self,
        network: Network,
        X: np.ndarray,
        Y: np.ndarray,
        learning_rate: float = 0.1,
        batch_size: int | None = None,
        seed: int = 0,
        *,
        momentum: float = 0.0,
        l1: float = 0.0,
        l2: float = 0.0,
        X_test: np.ndarray | None = None,
        Y_test: np.ndarray | None = None,
        task: str | None = None,
    ) -> None:
        self.network = network
        self.X, self.Y = self._checked_data(X, Y)
        if X_test is not None and Y_test is not None and len(X_test) > 0:
            self.X_test, self.Y_test = self._checked_data(X_test, Y_test)
        else:
            self.X_test = self.Y_test = None
        self._all_indices = np.arange(self.X.shape[0])
        # Gradients, steps and parameters each live in one flat vector (see engine/flat.py):
        # two parameter vectors take turns, so the weights before an update stay on show.
        like = (network.weights, network.biases)
        self._gradient = FlatParameters.like(*like)
        self._regularized = FlatParameters.like(*like)
        self._step = FlatParameters.like(*like)
        self._parameters = (FlatParameters.like(*like), FlatParameters.like(*like))
        self._positive = self.Y > 0.5
        self.task = task if task is not None else self._guess_task()
        if self.task not in TASKS:
            raise _setting_error(QT_TRANSLATE_NOOP("Trainer", "Unknown task {task!r}."), task=task)
        self.learning_rate = learning_rate
        self.batch_size = batch_size
        self.momentum = momentum
        self.l1 = l1
        self.l2 = l2
        self.seed = seed
        self._initial_weights = [w.copy() for w in network.weights]
        self._initial_biases = [b.copy() for b in network.biases]
        self.history = History([w.shape for w in network.weights])
        self._restart()

    # -- settings, changeable between iterations without a reset -----------------------------

    @property
    def learning_rate(self) -> float:
        return self._learning_rate

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        if not (math.isfinite(value) and value > 0):
            raise _setting_error(
                QT_TRANSLATE_NOOP("Trainer", "The learning rate must be a positive number.")
            )
        self._learning_rate = float(value)

    @property
    def batch_size(self) -> int:
        """Samples per iteration (the whole training set for full-batch training)."""
        return self._batch_size

    @batch_size.setter
    def batch_size(self, value: int | None) -> None:
        n = self.X.shape[0]
        if value is None:
            value = n
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 1:
            raise _setting_error(
                QT_TRANSLATE_NOOP("Trainer", "The batch size must be a whole number of at least 1.")
            )
        self._batch_size = min(int(value), n)

    @property
    def momentum(self) -> float:
        return self._momentum

    @momentum.setter
    def momentum(self, value: float) -> None:
        if not (math.isfinite(value) and 0.0 <= value < 1.0):
            raise _setting_error(
                QT_TRANSLATE_NOOP("Trainer", "The momentum must be between 0 and 1 (excluded).")
            )
        self._momentum = float(value)

    @property
    def l1(self) -> float:
        return self._l1

    @l1.setter
    def l1(self, value: float) -> None:
        self._l1 = self._checked_penalty(value)

    @property
    def l2(self) -> float:
        return self._l2

    @l2.setter
    def l2(self, value: float) -> None:
        self._l2 = self._checked_penalty(value)

    @property
    def batches_per_epoch(self) -> int:
        return -(-self.X.shape[0] // self._batch_size)

    @property
    def epoch_started(self) -> bool:
        """Whether the current epoch is under way (a batch of it is in use or done)."""
        return self._batch_start > 0 or self._phase_index > 0

    @property
    def next_phase(self) -> Phase:
        return PHASES[self._phase_index]

    @property
    def phase(self) -> Phase | None:
        """The last phase completed, or None before the first one of a run."""
        return self._last_phase

    # -- resetting ---------------------------------------------------------------------------

    def reset(self) -> None:
        """Back to the initial weights, iteration 0, an empty history, the same shuffles."""
        self.network.set_parameters(self._initial_weights, self._initial_biases)
        self._restart()

    def reinitialize(self, seed: int) -> None:
        """New random initial weights from ``seed``, then a reset."""
        self.network.reinitialize(seed)
        self.seed = seed
        self._initial_weights = [w.copy() for w in self.network.weights]
        self._initial_biases = [b.copy() for b in self.network.biases]
        self._restart()

    def _restart(self) -> None:
        self.iteration = 0
        self.epoch = 0
        self._rng = np.random.default_rng(self.seed)
        self._batch_start = 0
        self._step.flat.fill(0.0)  # the momentum's velocity starts at rest
        self._total_gradient = self._gradient
        self._epoch_loss_sum = 0.0
        self._epoch_batches = 0
        self._epoch_correct = 0
        self._epoch_seen = 0
        self.history.clear()
        self._phase_index = 0
        self._last_phase: Phase | None = None
        self.batch_indices = np.arange(0)
        self.batch_X = self.X[:0]
        self.batch_Y = self.Y[:0]
        self.trace: ForwardTrace | None = None
        self.loss: float | None = None
        self.backward_trace: BackwardTrace | None = None
        self.grad_weights: list[np.ndarray] | None = None
        self.grad_biases: list[np.ndarray] | None = None
        self.weights_before: list[np.ndarray] | None = None
        self.biases_before: list[np.ndarray] | None = None
        self.weight_updates: list[np.ndarray] | None = None
        self.bias_updates: list[np.ndarray] | None = None
        self.last_epoch_loss: float | None = None
        self.test_loss: float | None = None
        self.test_accuracy: float | None = None
        self.train_accuracy: float | None = None

    # -- the public steps --------------------------------------------------------------------

    def step_phase(self) -> Phase:
        """Run the next phase of the current iteration and return it."""
        phase = PHASES[self._phase_index]
        with np.errstate(**_QUIET):
            if phase is Phase.FORWARD:
                self._forward()
            elif phase is Phase.LOSS:
                self._compute_loss()
            elif phase is Phase.BACKWARD:
                self._backward()
            else:
                self._update()
        return phase

    def step_iteration(self) -> float:
        """Finish the current iteration (all of it from the start) and return its loss."""
        with np.errstate(**_QUIET):
            self._iterate()
        return self.loss  # type: ignore[return-value]

    def run_iterations(self, count: int, seconds: float | None = None) -> int:
        """Run up to ``count`` iterations, stopping early after ``seconds``; return how many ran."""
        deadline = None if seconds is None else time.perf_counter() + seconds
        done = 0
        with np.errstate(**_QUIET):
            while done < count:
                self._iterate()
                done += 1
                if deadline is not None and time.perf_counter() >= deadline:
                    break
        return done

    def run_epoch(self) -> float:
        """Finish the current epoch and return its mean training loss."""
        epoch = self.epoch
        with np.errstate(**_QUIET):
            while self.epoch == epoch:
                self._iterate()
        return self.last_epoch_loss  # type: ignore[return-value]

    def _iterate(self) -> None:
        index = self._phase_index
        if index == 0:
            self._forward()
            self._compute_loss()
            self._backward()
        elif index == 1:
            self._compute_loss()
            self._backward()
        elif index == 2:
            self._backward()
        self._update()

    def evaluate(self, X: np.ndarray, Y: np.ndarray) -> tuple[float, float]:
        """(mean loss, accuracy) of the current network on (X, Y); accuracy NaN for regression."""
        with np.errstate(**_QUIET):
            trace = self.network.forward(X)
            loss = self.network.mean_loss(trace, Y)
        if self.task == "regression":
            return loss, math.nan
        return loss, self._correct(trace.a[-1], Y) / X.shape[0]

    # -- the four phases ---------------------------------------------------------------------

    def _forward(self) -> None:
        start = self._batch_start
        if start == 0:
            self._shuffle()
        if self._batch_size < self.X.shape[0]:
            # Slices of the epoch's shuffled copy are views: no copy per batch.
            end = start + self._batch_size
            self.batch_indices = self._epoch_order[start:end]
            self.batch_X = self._epoch_X[start:end]
            self.batch_Y = self._epoch_Y[start:end]
            self._batch_positive = self._epoch_positive[start:end]
        self.trace = self.network.forward(self.batch_X)
        self._phase_index = 1
        self._last_phase = Phase.FORWARD

    def _compute_loss(self) -> None:
        loss = self.network.mean_loss(self.trace, self.batch_Y)
        if not math.isfinite(loss):
            self._diverged()
        self.loss = loss
        self._phase_index = 2
        self._last_phase = Phase.LOSS

    def _backward(self) -> None:
        gradient = self._gradient
        self.backward_trace = self.network.backward(
            self.trace, self.batch_Y, out=(gradient.weights, gradient.biases)
        )
        if self._l1 or self._l2:
            gradient = self._regularize(gradient)
        self._total_gradient = gradient
        self.grad_weights = gradient.weights
        self.grad_biases = gradient.biases
        self._phase_index = 3
        self._last_phase = Phase.BACKWARD

    def _regularize(self, gradient: FlatParameters) -> FlatParameters:
        """dE/dw + l2 * w + l1 * sign(w) for the weights; the biases' gradient unchanged."""
        weights = self._current_parameters().weight_part
        total = self._regularized
        regularized = total.weight_part
        np.multiply(weights, self._l2, out=regularized)
        regularized += gradient.weight_part
        if self._l1:
            regularized += self._l1 * np.sign(weights)
        total.flat[total.weight_count :] = gradient.flat[gradient.weight_count :]
        return total

    @property
    def gradient_norms(self) -> list[float] | None:
        """‖dE/dW‖ of each layer's weights, once the backward pass has run."""
        if self.grad_weights is None:
            return None
        return layer_norms(self._total_gradient.weight_part, self.history.offsets).tolist()

    def _update(self) -> None:
        net = self.network
        old = self._current_parameters()
        new = self._parameters[1]
        self._parameters = (new, old)
        gradient, step = self._total_gradient.flat, self._step.flat
        if self._momentum:  # the step is the velocity: v <- momentum * v - eta * g
            step *= self._momentum
            step -= self._learning_rate * gradient
        else:
            np.multiply(gradient, -self._learning_rate, out=step)
        # A non-finite gradient, or one so large that the step overflows, shows in the sum of
        # the steps: stop before the weights stop being numbers.
        if not math.isfinite(np.add.reduce(step)):
            self._diverged()
        np.add(old.flat, step, out=new.flat)
        # The weights before the update stay on show (old -> new) until the next update.
        self.weights_before, self.biases_before = old.weights, old.biases
        net.weights, net.biases = list(new.weights), list(new.biases)
        self.weight_updates, self.bias_updates = self._step.weights, self._step.biases
        self.iteration += 1
        self.history.record_iteration(
            self.iteration, self.loss, self._total_gradient.weight_part
        )
        self._epoch_loss_sum += self.loss
        self._epoch_batches += 1
        if self.task != "regression":
            self._epoch_correct += self._correct(self.trace.a[-1])
            self._epoch_seen += self.batch_Y.shape[0]
        self._batch_start += self.batch_indices.shape[0]
        if self._batch_start >= self.X.shape[0]:
            self._end_epoch()
        self._phase_index = 0
        self._last_phase = Phase.UPDATE

    def _current_parameters(self) -> FlatParameters:
        """The flat vector that holds the network's parameters, copied in if they are not.

        After a reset, a hand edit or ``set_parameters`` the network has arrays of its own
        again; in-place edits of its arrays need nothing, they are the vector's views.
        """
        net = self.network
        first, second = self._parameters  # first: the one the last update wrote
        if not first.holds(net.weights, net.biases):
            if not second.holds(net.weights, net.biases):
                # New arrays: copied into the vector not on show as "before the update".
                if self.weights_before is not None and second.holds(
                    self.weights_before, self.biases_before
                ):
                    first, second = second, first
                second.assign(net.weights, net.biases)
                net.weights, net.biases = list(second.weights), list(second.biases)
            first, second = second, first
            self._parameters = (first, second)
        return first

    # -- what the screen shows, computed on demand -------------------------------------------

    @property
    def output_losses(self) -> np.ndarray | None:
        """Each output's share of each sample's loss, (batch, n_outputs), after the loss phase."""
        if self._last_phase in (None, Phase.FORWARD):
            return None
        net = self.network
        output = net.activation(len(net.layer_sizes) - 1)
        return net.loss_function.per_output(
            output, self.trace.z[-1], self.trace.a[-1], self.batch_Y
        )

    @property
    def sample_losses(self) -> np.ndarray | None:
        """Each sample's loss, (batch,), after the loss phase."""
        per_output = self.output_losses
        return None if per_output is None else per_output.sum(axis=1)

    # -- helpers -----------------------------------------------------------------------------

    def _shuffle(self) -> None:
        """Draw this epoch's order of the samples; a full batch is all of them, in order."""
        if self._batch_size >= self.X.shape[0]:
            self.batch_indices = self._all_indices
            self.batch_X, self.batch_Y = self.X, self.Y
            self._batch_positive = self._positive
        else:
            order = self._epoch_order = self._rng.permutation(self.X.shape[0])
            self._epoch_X, self._epoch_Y = self.X[order], self.Y[order]
            self._epoch_positive = self._positive[order]

    def _end_epoch(self) -> None:
        self.epoch += 1
        self.last_epoch_loss = self._epoch_loss_sum / self._epoch_batches
        if self.task != "regression":
            self.train_accuracy = self._epoch_correct / self._epoch_seen
        if self.X_test is not None:
            self.test_loss, self.test_accuracy = self.evaluate(self.X_test, self.Y_test)
        self.history.record_epoch(
            self.iteration,
            self.epoch,
            self.last_epoch_loss,
            math.nan if self.test_loss is None else self.test_loss,
            math.nan if self.train_accuracy is None else self.train_accuracy,
            math.nan if self.test_accuracy is None else self.test_accuracy,
        )
        self._epoch_loss_sum = 0.0
        self._epoch_batches = self._epoch_correct = self._epoch_seen = 0
        self._batch_start = 0

    def _correct(self, output: np.ndarray, Y: np.ndarray | None = None) -> int:
        """How many samples are classified right (argmax, or each output on its side of 0.5).

        Without ``Y``, the outputs are those of the current batch.
        """
        if self.task == "multiclass":
            Y = self.batch_Y if Y is None else Y
            return int(np.count_nonzero(output.argmax(axis=1) == Y.argmax(axis=1)))
        positive = self._batch_positive if Y is None else Y > 0.5
        if output.shape[1] == 1:
            return int(np.count_nonzero((output > 0.5) == positive))
        return int(np.count_nonzero(((output > 0.5) == positive).all(axis=1)))

    def _diverged(self) -> None:
        """Abandon the iteration, keep or restore finite weights, and say why."""
        net = self.network
        finite = all(np.isfinite(w).all() for w in net.weights) and all(
            np.isfinite(b).all() for b in net.biases
        )
        if not finite and self.weights_before is not None:
            # The last update overflowed without a non-finite gradient: step back over it.
            net.weights, net.biases = list(self.weights_before), list(self.biases_before)
        if not np.isfinite(self._step.flat).all():
            self._step.flat.fill(0.0)  # the momentum's velocity starts again from rest
        self._phase_index = 0
        raise TrainingDiverged(
            Message(
                "Trainer",
                QT_TRANSLATE_NOOP(
                    "Trainer",
                    "Training diverged at iteration {iteration}: the error became too large to "
                    "be a number. The learning rate ({learning_rate}) is probably too high: the "
                    "weights jumped too far. Lower it, then reset the weights.",
                ),
                iteration=self.iteration + 1,
                learning_rate=f"{self._learning_rate:g}",
            )
        )

    def _guess_task(self) -> str:
        output = self.network.activations[-1]
        if output == "softmax":
            return "multiclass"
        if output == "sigmoid" and np.isin(self.Y, (0.0, 1.0)).all():
            return "binary"
        return "regression"

    def _checked_data(self, X: np.ndarray, Y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        X = np.asarray(X, dtype=np.float64)
        Y = np.asarray(Y, dtype=np.float64)
        net = self.network
        if X.ndim != 2 or Y.ndim != 2 or X.shape[0] != Y.shape[0] or X.shape[0] == 0:
            raise _setting_error(
                QT_TRANSLATE_NOOP(
                    "Trainer", "The data must be two tables with the same number of rows."
                )
            )
        if net.activations[-1] == "softmax" and not (
            (Y >= 0).all() and np.allclose(Y.sum(axis=1), 1.0)
        ):
            raise _setting_error(
                QT_TRANSLATE_NOOP(
                    "Trainer",
                    "A softmax output predicts one class per sample: each row of targets must "
                    "hold probabilities that add up to 1.",
                )
            )
        if X.shape[1] != net.n_inputs or Y.shape[1] != net.n_outputs:
            raise _setting_error(
                QT_TRANSLATE_NOOP(
                    "Trainer",
                    "The data has {inputs} inputs and {outputs} outputs; the network has "
                    "{net_inputs} and {net_outputs}.",
                ),
                inputs=X.shape[1],
                outputs=Y.shape[1],
                net_inputs=net.n_inputs,
                net_outputs=net.n_outputs,
            )
        return X, Y

    @staticmethod
    def _checked_penalty(value: float) -> float:
        if not (math.isfinite(value) and value >= 0):
            raise _setting_error(
                QT_TRANSLATE_NOOP("Trainer", "A regularization strength must be 0 or more.")
            )
        return float(value)
