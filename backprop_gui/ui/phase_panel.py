"""Where the class is in the cycle of an iteration: four step chips, the phase explained, counters.

One iteration is four phases, always in the same order. The panel ticks the phases done,
emphasises the one whose numbers are on screen, outlines the next, and says in one sentence
what that phase does. With mini-batches it says whose numbers are shown and lets the class
choose another sample of the batch.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QVBoxLayout, QWidget

from backprop_gui.engine import PHASES, Phase
from backprop_gui.engine.snapshot import TrainerSnapshot
from backprop_gui.ui.style import MUTED_TEXT, OUTLINE, PHASE_COLORS, TEXT

MIN_POINT_SIZE = 11.0
"""Smallest font of the panel, readable from the back of a classroom."""

_GLOSSARY_TERMS = {
    Phase.FORWARD: "propagation_avant",
    Phase.LOSS: "calcul_erreur",
    Phase.BACKWARD: "retropropagation",
    Phase.UPDATE: "ajustement_poids",
}

_STATE_STYLES = {
    "done": "border: 2px solid {hue}; color: {text};",
    "current": "border: 2px solid {hue}; background: {hue}; color: {text}; font-weight: bold;",
    "next": "border: 2px dashed {hue}; color: {text};",
    "pending": "border: 2px solid transparent; color: {muted};",
}
"""Chip look per state, in the phase's canvas hue; each state also has its own symbol."""

CHIP_FITS = (
    ("all", True),
    ("full", True),
    ("full", False),
    ("short", False),
    ("none", False),
)
"""From the widest row to the narrowest: which chips show a name ("all"; "full" or "short":
the current chip only; "none") and whether arrows join the chips. The current chip's name
matters more than the arrows; the explanation under the chips names the phase anyway.
Once the arrows go they stay gone, so that stepping at one width keeps one look."""


def _chips_style_sheet(point_size: float) -> str:
    """One style sheet for every chip and state, set once on the panel.

    Chips switch looks through their "state" property. The size is written out because a
    widget matched by a style sheet rule takes the application's font, not its parent's.
    """
    hues = {f"phase_chip_{phase.value}": PHASE_COLORS[phase.value] for phase in PHASES}
    hues["phase_cycle"] = OUTLINE
    rules = []
    for name, hue in hues.items():
        rules.append(
            f"QLabel#{name} {{ border-radius: 6px; padding: 2px 6px; font-size: {point_size}pt; }}"
        )
        for state, look in _STATE_STYLES.items():
            look = look.format(hue=hue, text=TEXT, muted=MUTED_TEXT)
            rules.append(f'QLabel#{name}[state="{state}"] {{ {look} }}')
    return "\n".join(rules)


def _set_text(label: QLabel, text: str) -> None:
    """Set ``text`` unless shown already: setting it again lays the label out again."""
    if label.text() != text:
        label.setText(text)


def _set_tooltip(widget: QWidget, text: str) -> None:
    if widget.toolTip() != text:
        widget.setToolTip(text)


def phase_term(phase: Phase) -> str:
    """The glossary id of ``phase`` ("propagation_avant"...)."""
    return _GLOSSARY_TERMS[phase]


def phase_number(phase: Phase) -> int:
    """1 to 4, the place of ``phase`` in an iteration."""
    return PHASES.index(phase) + 1


def phase_title(phase: Phase) -> str:
    """The name of ``phase`` in the interface language."""
    titles = {
        #: fr: Propagation avant
        Phase.FORWARD: QCoreApplication.translate("PhasePanel", "Forward pass"),
        #: fr: Calcul de l'erreur
        Phase.LOSS: QCoreApplication.translate("PhasePanel", "Error calculation"),
        #: fr: Rétropropagation
        Phase.BACKWARD: QCoreApplication.translate("PhasePanel", "Backpropagation"),
        #: fr: Ajustement des poids
        Phase.UPDATE: QCoreApplication.translate("PhasePanel", "Weight update"),
    }
    return titles[phase]


def phase_short_title(phase: Phase) -> str:
    """A one-word name of ``phase``, for a chip in a narrow panel."""
    titles = {
        #: fr: Avant
        Phase.FORWARD: QCoreApplication.translate("PhasePanel", "Forward"),
        #: fr: Erreur
        Phase.LOSS: QCoreApplication.translate("PhasePanel", "Error"),
        #: fr: Arrière
        Phase.BACKWARD: QCoreApplication.translate("PhasePanel", "Backward"),
        # A 1024-pixel-wide window has room for "Ajuster", not for "Ajustement".
        #: fr: Ajuster
        Phase.UPDATE: QCoreApplication.translate("PhasePanel", "Update"),
    }
    return titles[phase]


def phase_explanation(phase: Phase | None) -> str:
    """One sentence for secondary-school students on what ``phase`` does (None: not started)."""
    if phase is None:
        #: fr: Rien n'est encore calculé dans cette itération : la prochaine étape est la
        #: propagation avant.
        return QCoreApplication.translate(
            "PhasePanel",
            "Nothing has been computed yet in this iteration: the next step is the forward pass.",
        )
    explanations = {
        #: fr: Les entrées traversent le réseau couche par couche : chaque neurone additionne
        #: ses entrées multipliées par leurs poids, ajoute son biais (cela donne z), puis
        #: applique sa fonction d'activation pour obtenir sa sortie a.
        Phase.FORWARD: QCoreApplication.translate(
            "PhasePanel",
            "The inputs travel through the network layer by layer: each neuron adds up its "
            "inputs multiplied by their weights, adds its bias (this gives z), then applies "
            "its activation function to get its output a.",
        ),
        #: fr: Les sorties du réseau sont comparées aux valeurs attendues (les cibles) :
        #: l'erreur E mesure à quel point le réseau se trompe.
        Phase.LOSS: QCoreApplication.translate(
            "PhasePanel",
            "The outputs of the network are compared with the expected values (the targets): "
            "the error E measures how wrong the network is.",
        ),
        #: fr: Propagation arrière : en remontant des sorties vers les entrées, chaque neurone
        #: reçoit sa part de l'erreur (son signal d'erreur δ), ce qui donne pour chaque poids
        #: son gradient ∂E/∂w, c'est-à-dire combien il a contribué à l'erreur.
        Phase.BACKWARD: QCoreApplication.translate(
            "PhasePanel",
            "Backward pass: going from the outputs back to the inputs, each neuron receives "
            "its share of the error (its error signal δ), which gives each weight its "
            "gradient ∂E/∂w, that is, how much it contributed to the error.",
        ),
        #: fr: Chaque poids fait un petit pas dans le sens opposé à son gradient,
        #: Δw = −η · ∂E/∂w, pour que l'erreur soit un peu plus petite la prochaine fois ;
        #: l'itération est alors terminée.
        Phase.UPDATE: QCoreApplication.translate(
            "PhasePanel",
            "Each weight takes a small step against its gradient, Δw = −η · ∂E/∂w, so that "
            "the error will be a little smaller next time; this completes the iteration.",
        ),
    }
    return explanations[phase]


def chip_states(phase: Phase | None) -> dict[Phase, str]:
    """ "done", "current", "next" or "pending" for each phase chip, after ``phase`` was computed.

    After the update all four belong to the finished iteration: none is outlined, the
    cycle marker is (see :func:`cycle_is_next`).
    """
    current = -1 if phase is None else PHASES.index(phase)
    states = {}
    for index, each in enumerate(PHASES):
        if index < current:
            states[each] = "done"
        elif index == current:
            states[each] = "current"
        elif index == current + 1:
            states[each] = "next"
        else:
            states[each] = "pending"
    return states


def cycle_is_next(phase: Phase | None) -> bool:
    """True once the update is done: the next step starts a new iteration."""
    return phase is Phase.UPDATE


class PhasePanel(QWidget):
    """The four phases of an iteration as a row of chips, the current one explained.

    The panel sits above the canvas, between the docks: about 600 pixels wide on a
    1280×720 screen, 350 on a 1024×640 laptop. When the chips do not fit with their names,
    only the current chip keeps its name (the others show their number; their tooltip has
    the name), then the arrows between chips go, then the current name gets shorter.
    """

    phase_changed = Signal(object)
    """The Phase now on display, or None before the first phase of an iteration."""
    sample_changed = Signal(int)
    """The sample of the batch (0-based) whose numbers the class asked to see."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("phase_panel")
        font = self.font()
        if font.pointSizeF() < MIN_POINT_SIZE:
            font.setPointSizeF(MIN_POINT_SIZE)
            self.setFont(font)
        self._snapshot: TrainerSnapshot | None = None
        self._phase: Phase | None = None
        self._fitted: tuple = ()

        # Ignored width: the chips never widen the window; they shorten their names instead.
        self._chips_bar = QWidget()
        self._chips_bar.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        chips_row = QHBoxLayout(self._chips_bar)
        chips_row.setContentsMargins(0, 0, 0, 0)
        chips_row.setSpacing(4)
        self._chips: dict[Phase, QLabel] = {}
        self._arrows: list[QLabel] = []
        for phase in PHASES:
            if phase is not Phase.FORWARD:
                self._arrows.append(QLabel("→"))
                chips_row.addWidget(self._arrows[-1])
            chip = QLabel()
            chip.setObjectName(f"phase_chip_{phase.value}")
            chip.setTextFormat(Qt.TextFormat.PlainText)
            self._chips[phase] = chip
            chips_row.addWidget(chip)
        self._arrows.append(QLabel("→"))
        chips_row.addWidget(self._arrows[-1])
        self._cycle = QLabel()
        self._cycle.setObjectName("phase_cycle")
        self._cycle.setTextFormat(Qt.TextFormat.PlainText)
        chips_row.addWidget(self._cycle)
        chips_row.addStretch(1)

        self._explanation = QLabel()
        self._explanation.setObjectName("phase_explanation")
        self._explanation.setTextFormat(Qt.TextFormat.RichText)
        self._explanation.setWordWrap(True)

        self._status = QLabel()
        self._status.setObjectName("phase_status")
        self._status.setTextFormat(Qt.TextFormat.RichText)
        self._status.setWordWrap(True)
        # For mini-batches only: which sample of the batch the numbers on screen belong to.
        self._sample_label = QLabel()
        self._sample_selector = QSpinBox()
        self._sample_selector.setObjectName("sample_selector")
        self._sample_selector.setRange(1, 1)
        # One request per choice (Enter, arrows, focus out), not one per digit typed.
        self._sample_selector.setKeyboardTracking(False)
        self._sample_label.setBuddy(self._sample_selector)
        self._sample_selector.valueChanged.connect(self._on_sample_value_changed)
        self._sample_label.setVisible(False)
        self._sample_selector.setVisible(False)
        # On its own row: beside a word-wrapped label, Qt misjudges the wrapped height.
        sample_row = QHBoxLayout()
        sample_row.addWidget(self._sample_label)
        sample_row.addWidget(self._sample_selector)
        sample_row.addStretch(1)

        self.setStyleSheet(_chips_style_sheet(self.font().pointSizeF()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(2)
        layout.addWidget(self._chips_bar)
        layout.addWidget(self._explanation)
        layout.addWidget(self._status)
        layout.addLayout(sample_row)
        self.retranslate_ui()

    # -- public API --------------------------------------------------------------------------

    @property
    def phase(self) -> Phase | None:
        """The phase on display (the last one computed), None before an iteration starts."""
        return self._phase

    def show_snapshot(self, snapshot: TrainerSnapshot) -> None:
        """Show where ``snapshot`` is in the cycle; emits ``phase_changed`` if the phase moved.

        Snapshots come many times a second while training runs: only what they change is
        written again (rich text and tooltips cost a fraction of a millisecond each).
        """
        self._snapshot = snapshot
        batch = snapshot.batch_size
        self._sample_label.setVisible(batch > 1)
        self._sample_selector.setVisible(batch > 1)
        selector = self._sample_selector
        blocked = selector.blockSignals(True)
        if selector.maximum() != max(batch, 1):
            selector.setRange(1, max(batch, 1))
        suffix = f" / {batch}"
        if selector.suffix() != suffix:  # a new suffix lays the window out again
            selector.setSuffix(suffix)
        value = snapshot.sample_in_batch + 1
        if not selector.hasFocus() and selector.value() != value:  # never overwrite typing
            selector.setValue(value)
        selector.blockSignals(blocked)
        moved = snapshot.phase is not self._phase
        self._phase = snapshot.phase
        if moved:
            self._show_phase()
        _set_text(self._status, self._status_html(snapshot))
        if moved:
            self.phase_changed.emit(snapshot.phase)

    def retranslate_ui(self) -> None:
        """Write every text again in the current language."""
        #: fr: La prochaine étape commence une nouvelle itération
        self._cycle.setToolTip(self.tr("The next step starts a new iteration"))
        #: fr: Échantillon :
        self._sample_label.setText(self.tr("Sample:"))
        self._sample_selector.setToolTip(
            #: fr: L'échantillon du lot dont les nombres sont affichés
            self.tr("The sample of the batch whose numbers are shown")
        )
        self._show_phase()
        self._status.setText("" if self._snapshot is None else self._status_html(self._snapshot))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_chips()

    # -- helpers -----------------------------------------------------------------------------

    def _show_phase(self) -> None:
        """The chips, their tooltips and the explanation of the phase on display."""
        phase = self._phase
        states = chip_states(phase)
        for each, chip in self._chips.items():
            state = states[each]
            name = f"{phase_number(each)} {phase_title(each)}"
            tip = self._state_tip(state)
            self._set_state(chip, state)
            _set_tooltip(chip, f"{name} — {tip}")
            accessible = f"{name}, {tip}"
            if chip.accessibleName() != accessible:
                chip.setAccessibleName(accessible)
        self._set_state(self._cycle, "next" if cycle_is_next(phase) else "pending")
        self._fit_chips()
        _set_text(self._explanation, self._explanation_html(phase))

    def _chip_text(self, phase: Phase, names: str) -> str:
        """The text of ``phase``'s chip when ``names`` ("all", "full", "short", "none") show."""
        state = self._chips[phase].property("state")
        marker = {"done": "✓ ", "current": "▶ "}.get(state, "")
        # The chip the class looks at: the current one, or the first before anything ran.
        named = state == "current" or (state == "next" and self._phase is None)
        if names == "none" or (names != "all" and not named):
            return f"{marker}{phase_number(phase)}"
        title = phase_short_title(phase) if names == "short" else phase_title(phase)
        return f"{marker}{phase_number(phase)} {title}"

    def _fit_chips(self) -> None:
        """The first of ``CHIP_FITS`` whose row fits in the panel's width."""
        #: fr: ↻ itération suivante
        cycle = self.tr("↻ next iteration")
        key = (
            self.width(),
            cycle,
            *(self._chip_text(phase, "all") for phase in self._chips),
            *(self._chip_text(phase, "short") for phase in self._chips),
        )
        if key == self._fitted:
            return  # snapshots arrive many times a second: measure only when something changed
        self._fitted = key
        margins = self.layout().contentsMargins()
        available = self.width() - margins.left() - margins.right()
        row = self._chips_bar.layout()
        for names, arrows in CHIP_FITS:
            for phase, chip in self._chips.items():
                chip.setText(self._chip_text(phase, names))
            self._cycle.setText(cycle if names == "all" else "↻")
            for arrow in self._arrows:
                arrow.setVisible(arrows)
            row.invalidate()  # the size hint is cached: recompute it with the new texts
            if row.sizeHint().width() <= available:
                return

    @staticmethod
    def _set_state(chip: QLabel, state: str) -> None:
        if chip.property("state") == state:
            return
        chip.setProperty("state", state)
        # Property selectors are matched at polish time only.
        chip.style().unpolish(chip)
        chip.style().polish(chip)

    def _on_sample_value_changed(self, value: int) -> None:
        self.sample_changed.emit(value - 1)

    def _state_tip(self, state: str) -> str:
        tips = {
            #: fr: Étape faite
            "done": self.tr("Done"),
            #: fr: Étape dont les nombres sont affichés
            "current": self.tr("The step whose numbers are shown"),
            #: fr: Prochaine étape
            "next": self.tr("Next step"),
            #: fr: À venir
            "pending": self.tr("Still to come"),
        }
        return tips[state]

    def _explanation_html(self, phase: Phase | None) -> str:
        if phase is None:
            #: fr: Prêt
            heading = self.tr("Ready")
        else:
            #: fr: Étape {number} sur 4 : {title}
            heading = self.tr("Step {number} of 4: {title}").format(
                number=phase_number(phase), title=phase_title(phase)
            )
        return f"<b>{escape(heading)}</b> — {escape(phase_explanation(phase))}"

    def _status_html(self, snapshot: TrainerSnapshot) -> str:
        # The iteration on display: the one in progress, or the one the update just finished.
        shown = snapshot.iteration if snapshot.phase is Phase.UPDATE else snapshot.iteration + 1
        #: fr: Itération {iteration} · %n époque(s) terminée(s)
        counters = self.tr(
            "Iteration {iteration} · %n epoch(s) completed", "", snapshot.epoch
        ).format(iteration=shown)
        html = f"<b>{escape(counters)}</b>"
        if snapshot.batch_size > 1:
            #: fr: Nombres affichés : échantillon {sample} du lot ; l'ajustement des poids
            #: utilise la moyenne sur les %n échantillon(s) du lot.
            batch = self.tr(
                "Numbers shown: sample {sample} of the batch; the weight update uses the mean "
                "over the %n sample(s) of the batch.",
                "",
                snapshot.batch_size,
            ).format(sample=snapshot.sample_in_batch + 1)
            html += f" — {escape(batch)}"
        return html
