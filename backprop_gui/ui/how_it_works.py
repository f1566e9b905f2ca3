"""« Comment ça marche ? »: the four steps of an iteration, told once, with their buttons.

Shown at start-up until the user ticks "Don't show at start-up" (QSettings key
``show_how_it_works``). Each step links to its glossary entry through ``glossary_requested``;
the main window shows that entry in the glossary dock.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from backprop_gui.engine import PHASES, Phase
from backprop_gui.ui.glossary_panel import keep_fractions_together
from backprop_gui.ui.phase_panel import phase_number, phase_term, phase_title
from backprop_gui.ui.style import MUTED_TEXT, OUTLINE, PHASE_COLORS

SHOW_SETTING = "show_how_it_works"
"""QSettings key: whether the dialog opens at start-up (bool, default True)."""

ITERATION_TERM = "iteration"
"""Glossary id of the round of four steps."""

MIN_POINT_SIZE = 11.0
"""Smallest font of the dialog, readable from the back of a classroom."""

_MNEMONIC = re.compile(r"&(?!&)")


def action_name(source: str) -> str:
    """The toolbar name of an action whose text is ``source`` ("Next &phase"), translated.

    Uses the "Actions" context of ``ui/actions.py`` so the dialog names the buttons exactly
    as the toolbar shows them; the "&" of the keyboard mnemonic is dropped.
    """
    text = QCoreApplication.translate("Actions", source)  # lupdate: sources extracted where defined
    return _MNEMONIC.sub("", text).replace("&&", "&")


def _mute(label: QLabel) -> None:
    """Grey text for the secondary line of a block."""
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(MUTED_TEXT))
    label.setPalette(palette)


class HowItWorksDialog(QDialog):
    """The four steps of an iteration in plain words, each linked to its glossary entry."""

    glossary_requested = Signal(str)
    """The id of the glossary entry the user asked to read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("how_it_works")
        font = self.font()
        if font.pointSizeF() < MIN_POINT_SIZE:
            font.setPointSizeF(MIN_POINT_SIZE)
            self.setFont(font)

        self._heading = self._label("how_it_works_heading")
        heading_font = self._heading.font()
        heading_font.setPointSizeF(font.pointSizeF() * 1.5)
        heading_font.setBold(True)
        self._heading.setFont(heading_font)
        self._intro = self._label("how_it_works_intro")

        content = QWidget()
        steps = QVBoxLayout(content)
        steps.setContentsMargins(0, 0, 8, 0)
        steps.setSpacing(10)
        steps.addWidget(self._intro)
        self._step_titles: dict[Phase, QLabel] = {}
        self._step_texts: dict[Phase, QLabel] = {}
        self._step_buttons: dict[Phase, QLabel] = {}
        self._glossary_buttons: dict[str, QPushButton] = {}
        for phase in PHASES:
            steps.addWidget(self._step_frame(phase))
        steps.addWidget(self._iteration_frame())
        steps.addStretch(1)

        scroll = QScrollArea()
        scroll.setObjectName("how_it_works_scroll")
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self._dont_show = QCheckBox()
        self._dont_show.setObjectName("how_it_works_dont_show")
        self._dont_show.setChecked(not self.should_show_at_startup())
        self._dont_show.toggled.connect(self._on_dont_show_toggled)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self._dont_show, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(self._heading)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        self.resize(820, 660)
        self.retranslate_ui()

    # -- public API --------------------------------------------------------------------------

    @staticmethod
    def should_show_at_startup() -> bool:
        """False once the user asked not to see the dialog at start-up any more."""
        return bool(QSettings().value(SHOW_SETTING, True, bool))

    def retranslate_ui(self) -> None:
        """Write every text again in the current language."""
        #: fr: Comment ça marche ? (with a non-breaking space before "?")
        title = self.tr("How does it work?")
        self.setWindowTitle(title)
        self._heading.setText(title)
        self._intro.setText(
            #: fr: Le réseau apprend en répétant encore et encore les quatre mêmes étapes.
            #: Chacune se voit sur le dessin du réseau, avec ses nombres.
            self.tr(
                "The network learns by repeating the same four steps over and over. "
                "You can watch each of them on the drawing of the network, with its numbers."
            )
        )
        next_phase = action_name("Next &phase")
        for phase in PHASES:
            self._step_titles[phase].setText(
                f"{phase_number(phase)}. {phase_title(phase)}"  # reuses the phase panel's names
            )
            self._step_texts[phase].setText(keep_fractions_together(self._step_text(phase)))
            self._step_buttons[phase].setText(
                #: fr: Dans la barre d'outils : « {button} » (→) fait cette étape seule.
                self.tr("In the toolbar: “{button}” (→) runs this step alone.").format(
                    button=next_phase
                )
            )
            #: fr: Glossaire : {term}
            label = self.tr("Glossary: {term}").format(term=phase_title(phase))
            self._glossary_buttons[phase_term(phase)].setText(label)
        #: fr: Une itération
        self._iteration_title.setText(self.tr("One iteration"))
        self._iteration_text.setText(
            #: fr: Ces quatre étapes forment une itération. Répétées des milliers de fois, elles
            #: font baisser l'erreur : c'est ainsi que le réseau apprend.
            self.tr(
                "These four steps together make one iteration. Repeated thousands of times, "
                "they make the error fall: that is how the network learns."
            )
        )
        self._iteration_buttons.setText(
            #: fr: « {iteration} » (Ctrl+→) fait une itération entière ; « {run} » (Espace)
            #: enchaîne les itérations jusqu'à la pause, et les graphiques suivent la baisse
            #: de l'erreur.
            self.tr(
                "“{iteration}” (Ctrl+→) runs a whole iteration; “{run}” (Space) repeats "
                "iterations until you pause, and the plots follow the error as it falls."
            ).format(iteration=action_name("Next &iteration"), run=action_name("&Run"))
        )
        #: fr: Glossaire : Itération
        self._glossary_buttons[ITERATION_TERM].setText(self.tr("Glossary: Iteration"))
        #: fr: Ne plus afficher au démarrage
        self._dont_show.setText(self.tr("Don't show at start-up"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- helpers -----------------------------------------------------------------------------

    def _step_text(self, phase: Phase) -> str:
        texts = {
            #: fr: Un exemple des données entre par la gauche. Chaque neurone multiplie les
            #: valeurs qu'il reçoit par les poids de ses connexions, les additionne avec son
            #: biais (cela donne z), puis fait passer z dans sa fonction d'activation (cela
            #: donne a). Couche après couche, les valeurs avancent vers la droite jusqu'aux
            #: neurones de sortie, qui donnent la réponse du réseau.
            Phase.FORWARD: self.tr(
                "An example from the data enters on the left. Each neuron multiplies the values "
                "it receives by the weights of its connections, adds them up with its bias "
                "(this gives z), then passes z through its activation function (this gives a). "
                "Layer after layer, the values move to the right until the output neurons give "
                "the network's answer."
            ),
            #: fr: La réponse du réseau est comparée à la réponse attendue, la cible. La
            #: fonction de perte résume l'écart en un seul nombre, l'erreur E : 0 pour une
            #: réponse parfaite, et d'autant plus grand que la réponse est mauvaise. La courbe
            #: de perte garde la trace de E à chaque itération.
            Phase.LOSS: self.tr(
                "The network's answer is compared with the answer we expected, the target. The "
                "loss function sums up the gap in a single number, the error E: 0 for a perfect "
                "answer, and the larger the worse the answer. The loss curve keeps track of E "
                "at every iteration."
            ),
            #: fr: Le réseau repart maintenant de droite à gauche. En partant de l'erreur,
            #: chaque neurone reçoit son delta δ : de combien l'erreur changerait si sa somme z
            #: changeait un peu. Grâce à la règle de dérivation en chaîne, chaque poids obtient
            #: ensuite son gradient ∂E/∂w, qui dit dans quel sens et avec quelle force ce poids
            #: pousse l'erreur.
            Phase.BACKWARD: self.tr(
                "Now the network goes back from right to left. Starting from the error, each "
                "neuron receives its delta δ: how much the error would change if its sum z "
                "changed a little. Thanks to the chain rule, each weight then gets its gradient "
                "∂E/∂w, which says in which direction, and how strongly, that weight pushes the "
                "error."
            ),
            #: fr: Chaque poids et chaque biais fait un petit pas dans le sens opposé à son
            #: gradient : Δw = −η · ∂E/∂w, où η est le taux d'apprentissage. Un petit η donne
            #: des pas courts et sûrs ; un η trop grand fait osciller ou exploser l'erreur. Avec
            #: les nouveaux poids, le même exemple donne une erreur un peu plus petite.
            Phase.UPDATE: self.tr(
                "Each weight and each bias takes a small step against its gradient: "
                "Δw = −η · ∂E/∂w, where η is the learning rate. A small η gives short, safe "
                "steps; too large an η makes the error swing or explode. With the new weights, "
                "the same example gives a slightly smaller error."
            ),
        }
        return texts[phase]

    def _title_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        return font

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        return label

    def _framed(self, name: str, hue: str) -> tuple[QFrame, QVBoxLayout]:
        """A block with a bar of ``hue`` on its left, like the phase's colour on the canvas."""
        frame = QFrame()
        frame.setObjectName(name)
        # A palette, not a style sheet: style sheets stop the dialog's larger font from
        # reaching the labels inside.
        bar = QFrame()
        bar.setFixedWidth(6)
        bar.setAutoFillBackground(True)
        palette = bar.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(hue))
        bar.setPalette(palette)
        body = QVBoxLayout()
        body.setContentsMargins(0, 2, 0, 2)
        body.setSpacing(4)
        row = QHBoxLayout(frame)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        row.addWidget(bar)
        row.addLayout(body, 1)
        return frame, body

    def _step_frame(self, phase: Phase) -> QFrame:
        frame, layout = self._framed(f"how_it_works_step_{phase.value}", PHASE_COLORS[phase.value])
        title = self._label(f"how_it_works_title_{phase.value}")
        title.setFont(self._title_font())
        text = self._label(f"how_it_works_text_{phase.value}")
        text.setTextFormat(Qt.TextFormat.RichText)  # keeps ∂E/∂w on one line
        button_line = self._label(f"how_it_works_toolbar_{phase.value}")
        _mute(button_line)
        self._step_titles[phase] = title
        self._step_texts[phase] = text
        self._step_buttons[phase] = button_line
        layout.addWidget(title)
        layout.addWidget(text)
        layout.addLayout(self._footer(button_line, phase_term(phase)))
        return frame

    def _iteration_frame(self) -> QFrame:
        frame, layout = self._framed("how_it_works_iteration", OUTLINE)
        self._iteration_title = self._label("how_it_works_title_iteration")
        self._iteration_title.setFont(self._title_font())
        self._iteration_text = self._label("how_it_works_text_iteration")
        self._iteration_buttons = self._label("how_it_works_toolbar_iteration")
        _mute(self._iteration_buttons)
        layout.addWidget(self._iteration_title)
        layout.addWidget(self._iteration_text)
        layout.addLayout(self._footer(self._iteration_buttons, ITERATION_TERM))
        return frame

    def _footer(self, button_line: QLabel, term: str) -> QHBoxLayout:
        button = QPushButton()
        button.setObjectName(f"how_it_works_glossary_{term}")
        button.setProperty("glossary_term", term)
        button.setAutoDefault(False)  # Enter closes the dialog, it does not open the glossary
        button.clicked.connect(self._on_glossary_button_clicked)
        self._glossary_buttons[term] = button
        row = QHBoxLayout()
        row.addWidget(button_line, 1)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)
        return row

    # -- slots -------------------------------------------------------------------------------

    def _on_glossary_button_clicked(self) -> None:
        self.glossary_requested.emit(self.sender().property("glossary_term"))

    def _on_dont_show_toggled(self, checked: bool) -> None:
        QSettings().setValue(SHOW_SETTING, not checked)
