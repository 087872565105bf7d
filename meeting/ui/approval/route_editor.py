"""The route editor: steps in order, each one person or a 合議 group (all, or any N), or 回覧.

A thin view over `RouteDraft`: every change makes a new draft and the rows are drawn again from
it; what is wrong with the route is said below it, in the server's own words.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from meeting.core import messages
from meeting.core.approval_protocol import StepKind
from meeting.core.approval_route import RouteDraft, split_names
from meeting.ui.base.icons import icon


class RouteEditor(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = RouteDraft().add_step()
        self.rows = QGridLayout()
        self.rows.setColumnStretch(2, 1)
        self.add_button = QPushButton(icon("add"), self.tr("Add a step"))
        self.add_button.setMinimumHeight(44)
        self.add_button.clicked.connect(lambda: self.set_draft(self.draft.add_step()))
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c5221f;")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self.rows)
        column.addWidget(self.add_button)
        column.addWidget(self.problem)
        self._draw()

    def set_draft(self, draft: RouteDraft) -> None:
        self.draft = draft
        self._draw()
        self.changed.emit()

    def problem_text(self) -> str | None:
        problem = self.draft.problem()
        return None if problem is None else messages.localize(problem, messages.client_language)

    def _draw(self) -> None:
        while self.rows.count():
            widget = self.rows.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for index, step in enumerate(self.draft.steps):
            number = QLabel(self.tr("Step {0}").format(index + 1))
            kind = QComboBox()
            kind.setAccessibleName(self.tr("Step {0}: what its people do").format(index + 1))
            kind.addItem(self.tr("Approve"), StepKind.APPROVE)
            kind.addItem(self.tr("Read only (回覧)"), StepKind.READ)
            kind.setCurrentIndex(0 if step.kind is StepKind.APPROVE else 1)
            kind.activated.connect(lambda _, i=index, box=kind: self.set_draft(
                self.draft.with_step(i, kind=box.currentData())))
            people = QLineEdit(", ".join(step.members))
            people.setPlaceholderText(self.tr("User names, separated by commas"))
            people.setAccessibleName(self.tr("Step {0}: who").format(index + 1))
            people.editingFinished.connect(lambda i=index, edit=people: self._members(i, edit))
            need = QSpinBox()
            need.setAccessibleName(self.tr("Step {0}: how many must approve").format(index + 1))
            need.setRange(0, max(1, len(step.members)))
            need.setSpecialValueText(self.tr("all"))
            need.setValue(step.need or 0)
            need.setEnabled(step.is_group)
            need.setToolTip(self.tr("合議: how many of the group must approve (all, or a number)"))
            need.valueChanged.connect(lambda value, i=index: self._need(i, value))
            label = QLineEdit(step.label)
            label.setPlaceholderText(self.tr("Signs as (課長…)"))
            label.setAccessibleName(self.tr("Step {0}: signs as").format(index + 1))
            label.setMaximumWidth(120)
            label.editingFinished.connect(lambda i=index, edit=label: self._label(i, edit))
            up = self._button("previous", self.tr("Move step {0} earlier").format(index + 1),
                              lambda draft, i=index: draft.move_step(i, -1))
            down = self._button("next", self.tr("Move step {0} later").format(index + 1),
                                lambda draft, i=index: draft.move_step(i, 1))
            remove = self._button("close", self.tr("Remove step {0}").format(index + 1),
                                  lambda draft, i=index: draft.remove_step(i))
            up.setEnabled(index > 0)
            down.setEnabled(index < len(self.draft.steps) - 1)
            for column, widget in enumerate((number, kind, people, need, label, up, down,
                                             remove)):
                self.rows.addWidget(widget, index, column)
        problem = self.problem_text()
        self.problem.setText(problem or "")
        self.problem.setVisible(problem is not None)

    def _button(self, name: str, tip: str,
                change: Callable[[RouteDraft], RouteDraft]) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon(name))
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        button.setMinimumSize(44, 44)
        button.clicked.connect(lambda: self.set_draft(change(self.draft)))
        return button

    def _members(self, index: int, edit: QLineEdit) -> None:
        members = split_names(edit.text())
        if index < len(self.draft.steps) and members != self.draft.steps[index].members:
            step = self.draft.steps[index]
            need = step.need if step.need is not None and step.need <= len(members) else None
            self.set_draft(self.draft.with_step(index, members=members, need=need))

    def _label(self, index: int, edit: QLineEdit) -> None:
        if index < len(self.draft.steps):
            self.draft = self.draft.with_step(index, label=edit.text().strip())
            self.changed.emit()

    def _need(self, index: int, value: int) -> None:
        if index < len(self.draft.steps):
            self.draft = self.draft.with_step(index, need=value or None)
            self.changed.emit()
