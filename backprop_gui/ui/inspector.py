"""The numbers behind one weight or one neuron: the chain rule written out with live values.

For a weight the class reads ∂E/∂w = δ · a with the chosen sample's numbers, where δ came
from (the output error, or the next layer's weights and deltas), and the update
Δw = −η · ∂E/∂w with the old and new weight. Every number is read from the snapshot: the
engine computed it, the panel only writes it down. What the current iteration has not
computed yet says which step computes it.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from backprop_gui.engine import ACTIVATIONS, LOSSES, Phase
from backprop_gui.engine.snapshot import TrainerSnapshot
from backprop_gui.ui.formatting import (
    MISSING,
    layer_name,
    neuron_name,
    number_html,
    pending_html,
)
from backprop_gui.ui.phase_panel import phase_number, phase_title

MIN_POINT_SIZE = 11.0
"""Smallest font of the panel, readable from the back of a classroom."""

MAX_TERMS = 8
"""Terms of Σ_k w_kj · δ_k listed one by one; a wider next layer is summarised."""

_TITLE = "<p style='font-size:large; font-weight:bold; margin-bottom:2px'>{}</p>"
_SECTION = "<p style='font-weight:bold; margin-top:10px; margin-bottom:2px'>{}</p>"
_LINE = "<p style='margin-top:1px; margin-bottom:1px'>{}</p>"
_FORMULA = "<p style='margin-top:1px; margin-bottom:1px; margin-left:14px'>{}</p>"


def _number(value: object, **options: bool) -> str:
    return number_html(None if value is None else float(value), **options)


def _item(values: object, *index: int) -> float | None:
    """``values[index]`` as a float, or None where the snapshot has no array yet."""
    return None if values is None else float(values[index])


class InspectorPanel(QWidget):
    """Shows the live numbers of the selected weight or neuron, refreshed by each snapshot."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inspector")
        self._browser = QTextBrowser()
        self._browser.setObjectName("inspector_text")
        self._browser.setOpenLinks(False)
        font = self._browser.font()
        if font.pointSizeF() < MIN_POINT_SIZE:
            font.setPointSizeF(MIN_POINT_SIZE)
            self._browser.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._browser)
        self._snapshot: TrainerSnapshot | None = None
        self._selection: tuple[int, ...] | None = None
        self._feature_names: tuple[str, ...] = ()
        self._html = ""
        self.retranslate_ui()

    # -- public API --------------------------------------------------------------------------

    @property
    def selection(self) -> tuple[int, ...] | None:
        """(layer, j, i) for a weight, (layer, index) for a neuron, None when nothing is shown."""
        return self._selection

    def show_edge(self, layer: int, j: int, i: int) -> None:
        """Inspect ``weights[layer][j, i]``, from neuron i of ``layer`` to neuron j of the next."""
        self._select((layer, j, i))

    def show_neuron(self, layer: int, index: int) -> None:
        """Inspect neuron ``index`` of ``layer`` (0 = inputs)."""
        self._select((layer, index))

    def clear(self) -> None:
        """Inspect nothing: show how to choose something."""
        self._select(None)

    def show_snapshot(self, snapshot: TrainerSnapshot) -> None:
        """Refresh the selection with the numbers of ``snapshot``."""
        self._snapshot = snapshot
        self._render(keep_scroll=True)

    def set_feature_names(self, names: Sequence[str]) -> None:
        """The data set's column names, shown for the input neurons."""
        self._feature_names = tuple(names)
        self._render(keep_scroll=True)

    def retranslate_ui(self) -> None:
        """Write everything again in the current language."""
        self._render(keep_scroll=True)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- rendering ---------------------------------------------------------------------------

    def _select(self, selection: tuple[int, ...] | None) -> None:
        self._selection = selection
        self._render(keep_scroll=False)

    def _render(self, keep_scroll: bool) -> None:
        snapshot, selection = self._snapshot, self._selection
        if selection is not None and snapshot is not None and not self._fits(snapshot):
            # The network changed shape: the selected weight or neuron no longer exists.
            self._selection = selection = None
        if selection is None:
            #: fr: Cliquez sur un poids ou un neurone du réseau pour voir ses nombres.
            hint = self.tr("Click a weight or a neuron on the network to see its numbers.")
            page = _LINE.format(pending_html(hint))
        elif snapshot is None:
            #: fr: Les nombres du réseau ne sont pas encore arrivés.
            page = _LINE.format(
                pending_html(self.tr("The numbers of the network are not here yet."))
            )
        elif len(selection) == 3:
            page = self._edge_page(snapshot, *selection)
        else:
            page = self._neuron_page(snapshot, *selection)
        if page == self._html:
            return
        self._html = page
        bar = self._browser.verticalScrollBar()
        position = bar.value()
        self._browser.setHtml(page)
        bar.setValue(position if keep_scroll else 0)

    def _fits(self, snapshot: TrainerSnapshot) -> bool:
        sizes = snapshot.layer_sizes
        if len(self._selection) == 3:
            layer, j, i = self._selection
            return (
                0 <= layer < len(sizes) - 1 and 0 <= j < sizes[layer + 1] and 0 <= i < sizes[layer]
            )
        layer, index = self._selection
        return 0 <= layer < len(sizes) and 0 <= index < sizes[layer]

    def _pending(self, phase: Phase) -> str:
        #: fr: pas encore calculé — passez à l'étape {number} : {phase}
        text = self.tr("not computed yet — step to phase {number}: {phase}").format(
            number=phase_number(phase), phase=phase_title(phase)
        )
        return pending_html(text)

    def _colon(self, label: str, value: str) -> str:
        """``label: value`` (both rich text) with the punctuation of the current language."""
        #: fr: {label} : {value}  (French puts a space before the colon)
        return escape(self.tr("{label}: {value}")).format(label=label, value=value)

    def _activation_lines(self, name: str, derivative: bool) -> str:
        activation = ACTIVATIONS[name]
        title = escape(QCoreApplication.translate("Activation", activation.title))
        formula = activation.derivative_formula if derivative else activation.formula
        return _FORMULA.format(self._colon(f"f = {title}", escape(formula)))

    # -- a weight ----------------------------------------------------------------------------

    def _edge_page(self, s: TrainerSnapshot, layer: int, j: int, i: int) -> str:
        n = s.n_layers
        w = f"w<sub>{j + 1},{i + 1}</sub>"
        delta = f"δ<sub>{j + 1}</sub>"
        a = f"a<sub>{i + 1}</sub>"
        batch = s.batch_size
        #: fr: Poids {weight}
        parts = [_TITLE.format(escape(self.tr("Weight {weight}")).format(weight=w))]
        #: fr: Du {source} au {target}. (source and target start with "neurone")
        route = self.tr("From {source} to {target}.").format(
            source=neuron_name(layer, i, n), target=neuron_name(layer + 1, j, n)
        )
        parts.append(_LINE.format(escape(route)))
        parts.append(_LINE.format(f"{w} = {_number(s.weights[layer][j, i])}"))

        #: fr: Son gradient (dérivation en chaîne)
        parts.append(_SECTION.format(escape(self.tr("Its gradient (chain rule)"))))
        parts.append(_FORMULA.format(f"∂E/∂{w} = {delta} · {a}"))
        if batch > 1:
            #: fr: Pour l'échantillon {sample} du lot :
            for_sample = self.tr("For sample {sample} of the batch:")
            parts.append(_LINE.format(escape(for_sample.format(sample=s.sample_in_batch + 1))))
        d_j = _item(s.sample_delta[layer + 1], j)
        a_i = _item(s.sample_a[layer], i)
        product = _item(s.sample_grad_weights[layer], j, i)
        if a_i is None:
            values = self._pending(Phase.FORWARD)
        elif d_j is None or product is None:
            values = f"= {delta} · {_number(a_i, operand=True)}   {self._pending(Phase.BACKWARD)}"
        else:
            values = f"= {_number(d_j)} · {_number(a_i, operand=True)} = {_number(product)}"
        parts.append(_FORMULA.format(values))
        #: fr: signal d'erreur du {neuron}
        delta_role = self.tr("error signal of {neuron}").format(neuron=neuron_name(layer + 1, j, n))
        #: fr: sortie du {neuron}
        a_role = self.tr("output of {neuron}").format(neuron=neuron_name(layer, i, n))
        parts.append(_LINE.format(self._colon(delta, escape(delta_role))))
        parts.append(_LINE.format(self._colon(a, escape(a_role))))
        if batch > 1:
            #: fr: Moyenne sur le lot de %n échantillon(s) :
            mean_label = self.tr("Mean over the batch of %n sample(s):", "", batch)
            parts.append(_LINE.format(escape(mean_label)))
            mean = _item(s.grad_weights[layer] if s.grad_weights else None, j, i)
            shown = self._pending(Phase.BACKWARD) if mean is None else _number(mean)
            parts.append(_FORMULA.format(f"∂E/∂{w} = {shown}"))
            #: fr: L'ajustement du poids utilise cette moyenne, pas la valeur d'un seul
            #: échantillon.
            uses_mean = self.tr("The weight update uses this mean, not the value of one sample.")
            parts.append(_LINE.format(escape(uses_mean)))

        parts.extend(self._delta_origin(s, layer + 1, j))
        parts.extend(self._weight_update(s, layer, j, i))
        return "".join(parts)

    def _delta_origin(self, s: TrainerSnapshot, layer: int, j: int) -> list[str]:
        """How δ_j of neuron j of ``layer`` (not the input layer) was computed."""
        delta = f"δ<sub>{j + 1}</sub>"
        #: fr: D'où vient {delta}
        parts = [_SECTION.format(escape(self.tr("Where {delta} comes from")).format(delta=delta))]
        activation = s.activations[layer - 1]
        if layer == s.n_layers - 1:
            return parts + self._output_delta(s, j, activation)
        parts.append(
            _FORMULA.format(
                f"{delta} = f′(z<sub>{j + 1}</sub>) · Σ<sub>k</sub> "
                f"w<sub>k,{j + 1}</sub> · δ<sub>k</sub>"
            )
        )
        #: fr: k parcourt les neurones de {layer} :
        over = self.tr("k runs over the neurons of {layer}:").format(
            layer=layer_name(layer + 1, s.n_layers)
        )
        parts.append(_LINE.format(escape(over)))
        # The backward pass used the weights as they were before this iteration's update.
        weights = s.weights_before if s.weights_before is not None else s.weights
        column = weights[layer][:, j]
        next_deltas = s.sample_delta[layer + 1]
        cell = "<td style='padding-right:18px'>{}</td>"
        rows = [
            "<tr>"
            + cell.format("k")
            + cell.format(f"w<sub>k,{j + 1}</sub>")
            + cell.format("δ<sub>k</sub>")
            + "</tr>"
        ]
        for k in range(min(column.shape[0], MAX_TERMS)):
            d_k = pending_html(MISSING) if next_deltas is None else _number(next_deltas[k])
            rows.append(
                "<tr>"
                + cell.format(k + 1)
                + cell.format(_number(column[k]))
                + cell.format(d_k)
                + "</tr>"
            )
        parts.append(f"<table style='margin-left:14px' cellspacing='0'>{''.join(rows)}</table>")
        if column.shape[0] > MAX_TERMS:
            #: fr: … et %n autre(s) terme(s)
            more = self.tr("… and %n more term(s)", "", column.shape[0] - MAX_TERMS)
            parts.append(_FORMULA.format(escape(more)))
        if s.weights_before is not None:
            #: fr: (les poids d'avant l'ajustement, ceux qu'a utilisés la rétropropagation)
            used = self.tr("(the weights before the update, the ones backpropagation used)")
            parts.append(_FORMULA.format(escape(used)))
        z_j = _item(s.sample_z[layer], j)
        known = None if z_j is None else f"f′({_number(z_j)}) · Σ"
        parts.append(self._delta_values(s, layer, j, known))
        parts.append(self._activation_lines(activation, derivative=True))
        return parts

    def _delta_values(self, s: TrainerSnapshot, layer: int, j: int, known: str | None) -> str:
        """ "= <known factors> = δ_j", or the step that computes what is missing."""
        if s.sample_z[layer] is None:
            return _FORMULA.format(self._pending(Phase.FORWARD))
        d_j = _item(s.sample_delta[layer], j)
        result = self._pending(Phase.BACKWARD) if d_j is None else _number(d_j)
        return _FORMULA.format(f"= {result}" if known is None else f"= {known} = {result}")

    def _output_delta(self, s: TrainerSnapshot, j: int, activation: str) -> list[str]:
        layer = s.n_layers - 1
        delta, o, t = (f"{name}<sub>{j + 1}</sub>" for name in ("δ", "o", "t"))
        o_j = _item(s.sample_a[-1], j)
        t_j = _item(s.sample_target, j)
        z_j = _item(s.sample_z[-1], j)
        difference = None
        if o_j is not None and t_j is not None:
            difference = (
                f"{_number(o_j, colored=False)} − {_number(t_j, colored=False, operand=True)}"
            )
        #: fr: o = sortie du réseau, t = cible (valeur attendue)
        legend = _LINE.format(
            escape(self.tr("o = output of the network, t = target (expected value)"))
        )
        if s.loss_name == "cross_entropy":
            #: fr: Avec l'entropie croisée après {activation}, la dérivée f′ se simplifie :
            #: δ vaut simplement la sortie moins la cible.
            note = self.tr(
                "With cross-entropy after {activation}, the derivative f′ cancels out: "
                "δ is simply the output minus the target."
            ).format(
                activation=QCoreApplication.translate("Activation", ACTIVATIONS[activation].title)
            )
            return [
                _FORMULA.format(f"{delta} = {o} − {t}"),
                self._delta_values(s, layer, j, difference),
                legend,
                _LINE.format(escape(note)),
            ]
        if activation == "softmax":
            formula = (
                f"{delta} = Σ<sub>k</sub> (o<sub>k</sub> − t<sub>k</sub>) · "
                f"∂o<sub>k</sub>/∂z<sub>{j + 1}</sub>"
            )
            #: fr: Softmax mélange ses sorties : chaque sortie o_k dépend de z_j, donc toutes
            #: les sorties comptent.
            note = self.tr(
                "Softmax mixes its outputs: each output o_k depends on z_j, so all the outputs "
                "take part."
            )
            return [
                _FORMULA.format(formula),
                self._delta_values(s, layer, j, None),
                legend,
                _LINE.format(escape(note)),
                self._activation_lines(activation, derivative=True),
            ]
        known = None
        if difference is not None and z_j is not None:
            known = f"({difference}) · f′({_number(z_j)})"
        return [
            _FORMULA.format(f"{delta} = ({o} − {t}) · f′(z<sub>{j + 1}</sub>)"),
            self._delta_values(s, layer, j, known),
            legend,
            self._activation_lines(activation, derivative=True),
        ]

    def _weight_update(self, s: TrainerSnapshot, layer: int, j: int, i: int) -> list[str]:
        #: fr: Ajustement de ce poids
        parts = [_SECTION.format(escape(self.tr("Adjusting this weight")))]
        before = None if s.weights_before is None else s.weights_before[layer][j, i]
        parts += self._update_lines(
            s,
            f"w<sub>{j + 1},{i + 1}</sub>",
            gradient=_item(s.grad_weights[layer] if s.grad_weights else None, j, i),
            change=_item(s.weight_updates[layer] if s.weight_updates else None, j, i),
            before=before,
            now=float(s.weights[layer][j, i]),
        )
        #: fr: η : taux d'apprentissage
        parts.append(_LINE.format(escape(self.tr("η: learning rate"))))
        return parts

    def _update_lines(
        self,
        s: TrainerSnapshot,
        symbol: str,
        gradient: float | None,
        change: float | None,
        before: float | None,
        now: float,
    ) -> list[str]:
        """Δx = −η · ∂E/∂x with the numbers, then x: old → new, for a weight or a bias."""
        eta = _number(s.learning_rate, colored=False)
        if s.momentum:
            # With momentum the step also carries on the previous one: Δ = μ · Δ_prev − η · ∂E/∂x.
            mu = _number(s.momentum, colored=False)
            parts = [
                _FORMULA.format(f"Δ{symbol} = μ · Δ{symbol}<sub>prev</sub> − η · ∂E/∂{symbol}")
            ]
            #: fr: μ = {mu} : inertie (momentum) ; Δprec : l'ajustement de l'itération précédente.
            note = self.tr("μ = {mu}: momentum; Δprev: the step of the previous iteration.")
            parts.append(_LINE.format(escape(note.format(mu=mu))))
        else:
            parts = [_FORMULA.format(f"Δ{symbol} = −η · ∂E/∂{symbol}")]
        if s.l1 or s.l2:
            #: fr: ∂E/∂w comprend ici la régularisation (L2 : λ·w ; L1 : λ·signe(w)).
            penalty = self.tr("Here ∂E/∂w includes the regularization (L2: λ·w; L1: λ·sign(w)).")
            parts.append(_LINE.format(escape(penalty)))
        if gradient is None:
            parts.append(_FORMULA.format(self._pending(Phase.BACKWARD)))
            return parts
        step = f"= −{eta} · {_number(gradient, operand=True)}"
        if s.momentum:
            step = f"= {mu} · Δ{symbol}<sub>prev</sub> − {eta} · {_number(gradient, operand=True)}"
        if change is None or before is None:
            parts.append(_FORMULA.format(f"{step} = {self._pending(Phase.UPDATE)}"))
            after = self._pending(Phase.UPDATE)
            parts.append(_FORMULA.format(self._colon(symbol, f"{_number(now)} → {after}")))
        else:
            parts.append(_FORMULA.format(f"{step} = {_number(change, signed=True)}"))
            parts.append(
                _FORMULA.format(self._colon(symbol, f"{_number(before)} → {_number(now)}"))
            )
        return parts

    # -- a neuron ----------------------------------------------------------------------------

    def _neuron_page(self, s: TrainerSnapshot, layer: int, j: int) -> str:
        name = neuron_name(layer, j, s.n_layers)
        parts = [_TITLE.format(escape(name[:1].upper() + name[1:]))]
        if s.batch_size > 1:
            #: fr: Nombres de l'échantillon {sample} du lot.
            numbers_of = self.tr("Numbers of sample {sample} of the batch.")
            parts.append(_LINE.format(escape(numbers_of.format(sample=s.sample_in_batch + 1))))
        if layer == 0:
            parts.extend(self._input_lines(s, j))
        else:
            parts.extend(self._neuron_lines(s, layer, j))
        return "".join(parts)

    def _input_lines(self, s: TrainerSnapshot, j: int) -> list[str]:
        x = _item(s.sample_a[0], j)
        shown = self._pending(Phase.FORWARD) if x is None else _number(x)
        parts = [_FORMULA.format(f"x<sub>{j + 1}</sub> = {shown}")]
        if j < len(self._feature_names):
            #: fr: Caractéristique : {name}
            feature = self.tr("Feature: {name}").format(name=self._feature_names[j])
            parts.append(_LINE.format(escape(feature)))
        #: fr: Un neurone d'entrée transmet sa valeur telle quelle (a = x) : il n'a ni biais
        #: ni fonction d'activation.
        role = self.tr(
            "An input neuron passes its value on unchanged (a = x): it has neither a bias nor "
            "an activation function."
        )
        parts.append(_LINE.format(escape(role)))
        return parts

    def _neuron_lines(self, s: TrainerSnapshot, layer: int, j: int) -> list[str]:
        J = j + 1
        activation = s.activations[layer - 1]
        parts = [_SECTION.format(escape(phase_title(Phase.FORWARD)))]
        z_formula = (
            f"z<sub>{J}</sub> = Σ<sub>i</sub> w<sub>{J},i</sub> · a<sub>i</sub> + b<sub>{J}</sub>"
        )
        a_formula = f"a<sub>{J}</sub> = f(z<sub>{J}</sub>)"
        if s.sample_z[layer] is None:
            parts += [_FORMULA.format(z_formula), _FORMULA.format(a_formula)]
            parts.append(_FORMULA.format(self._pending(Phase.FORWARD)))
        else:
            parts.append(_FORMULA.format(f"{z_formula} = {_number(s.sample_z[layer][j])}"))
            parts.append(_FORMULA.format(f"{a_formula} = {_number(s.sample_a[layer][j])}"))
        parts.append(self._activation_lines(activation, derivative=False))

        if layer == s.n_layers - 1:
            parts += self._output_error_lines(s, j)

        parts.append(_SECTION.format(escape(phase_title(Phase.BACKWARD))))
        d_j = _item(s.sample_delta[layer], j)
        d_shown = self._pending(Phase.BACKWARD) if d_j is None else _number(d_j)
        parts.append(_FORMULA.format(f"δ<sub>{J}</sub> = ∂E/∂z<sub>{J}</sub> = {d_shown}"))
        parts.append(self._activation_lines(activation, derivative=True))
        parts.extend(self._bias_lines(s, layer, j))
        return parts

    def _output_error_lines(self, s: TrainerSnapshot, j: int) -> list[str]:
        J = j + 1
        parts = [_SECTION.format(escape(phase_title(Phase.LOSS)))]
        t_j = _item(s.sample_target, j)
        share = _item(s.sample_output_losses, j)
        if t_j is None:
            parts.append(_FORMULA.format(self._pending(Phase.FORWARD)))
        else:
            parts.append(_FORMULA.format(f"t<sub>{J}</sub> = {_number(t_j, colored=False)}"))
            shown = self._pending(Phase.LOSS) if share is None else _number(share)
            parts.append(_FORMULA.format(f"E<sub>{J}</sub> = {shown}"))
        #: fr: cible (valeur attendue)
        target = escape(self.tr("target (expected value)"))
        parts.append(_LINE.format(self._colon(f"t<sub>{J}</sub>", target)))
        #: fr: la part de l'erreur due à cette sortie
        role = escape(self.tr("the share of the error that comes from this output"))
        parts.append(_LINE.format(self._colon(f"E<sub>{J}</sub>", role)))
        loss = LOSSES[s.loss_name]
        loss_title = escape(QCoreApplication.translate("Loss", loss.title))
        parts.append(_FORMULA.format(self._colon(loss_title, escape(loss.formula))))
        return parts

    def _bias_lines(self, s: TrainerSnapshot, layer: int, j: int) -> list[str]:
        J = j + 1
        b = f"b<sub>{J}</sub>"
        #: fr: Son biais
        parts = [_SECTION.format(escape(self.tr("Its bias")))]
        now = float(s.biases[layer - 1][j])
        parts.append(_FORMULA.format(f"{b} = {_number(now)}"))
        gradient = _item(s.grad_biases[layer - 1] if s.grad_biases else None, j)
        g_shown = self._pending(Phase.BACKWARD) if gradient is None else _number(gradient)
        parts.append(_FORMULA.format(f"∂E/∂{b} = δ<sub>{J}</sub> = {g_shown}"))
        if s.batch_size > 1:
            #: fr: (δ moyen sur le lot)
            parts.append(_FORMULA.format(escape(self.tr("(δ averaged over the batch)"))))
        before = None if s.biases_before is None else s.biases_before[layer - 1][j]
        change = _item(s.bias_updates[layer - 1] if s.bias_updates else None, j)
        if gradient is not None:
            parts += self._update_lines(s, b, gradient, change, before, now)
        return parts
