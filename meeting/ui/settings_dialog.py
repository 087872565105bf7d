"""Settings: the server, the language, the size of everything (large print), how a viewer
starts, the document cache, the large monitor's screen, and signing out."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from meeting.ui.ink_tools import Mode, color_names
from meeting.ui.preferences import TOOLS, Preferences
from meeting.ui.translations import LANGUAGES
from meeting.ui.ui_scale import UI_SCALES


class SettingsDialog(QDialog):
    signOutRequested = Signal()

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.preferences = Preferences.load(settings)
        self.setWindowTitle(self.tr("Settings"))
        self.server = QLineEdit(self.preferences.server)
        self.server.setPlaceholderText("https://meeting.example.lg.jp")
        self.language = QComboBox()
        self.language.addItem(self.tr("As the system"), "system")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.preferences.language)))
        self.tool = QComboBox()
        names = {Mode.BROWSE: self.tr("Browse (read only)"), Mode.PEN: self.tr("Pen"),
                 Mode.MARKER: self.tr("Marker"), Mode.TEXT: self.tr("Text")}
        for mode in TOOLS:
            self.tool.addItem(names[mode], mode.value)
        self.tool.setCurrentIndex(max(0, self.tool.findData(self.preferences.tool)))
        self.color = QComboBox()
        for color, name in color_names().items():
            self.color.addItem(name, color)
        self.color.setCurrentIndex(max(0, self.color.findData(self.preferences.color)))
        self.cache_limit = QSpinBox()
        self.cache_limit.setRange(100, 1_000_000)
        self.cache_limit.setSingleStep(256)
        self.cache_limit.setSuffix(" MB")
        self.cache_limit.setValue(self.preferences.cache_limit_mb)
        self.cache_folder = QLineEdit(self.preferences.cache_folder)
        self.cache_folder.setPlaceholderText(str(Preferences().cache_dir()))
        self.cache_folder.setAccessibleName(self.tr("Document cache folder"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.cache_folder, 1)
        folder_row.addWidget(browse)
        self.screen = QComboBox()
        self.screen.addItem(self.tr("The last screen"), -1)
        for index, screen in enumerate(QGuiApplication.screens()):
            size = screen.size()
            self.screen.addItem(self.tr("Screen {0}: {1}×{2} {3}").format(
                index + 1, size.width(), size.height(), screen.name()), index)
        self.screen.setCurrentIndex(max(0, self.screen.findData(self.preferences.display_screen)))
        self.touch = QComboBox()
        for value, name in (("auto", self.tr("Automatic (on with a touch screen)")),
                            ("on", self.tr("On")), ("off", self.tr("Off"))):
            self.touch.addItem(name, value)
        self.touch.setCurrentIndex(max(0, self.touch.findData(self.preferences.touch)))
        self.touch.setToolTip(self.tr("Finger-sized buttons, menus and lists"))
        self.ui_scale = QComboBox()
        for percent in UI_SCALES:
            self.ui_scale.addItem(self.tr("{0}%").format(percent), percent)
        self.ui_scale.setCurrentIndex(max(0, self.ui_scale.findData(self.preferences.ui_scale)))
        self.ui_scale.setToolTip(self.tr("Larger text and buttons, for large print"))
        self.sign_out = QPushButton(self.tr("Sign out and forget this device's sign-in"))
        self.sign_out.clicked.connect(self._sign_out)
        note = QLabel(self.tr("The language and the size change the next time the program "
                              "starts."))
        note.setStyleSheet("color: #5f6368;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Server"), self.server)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Size of text and controls"), self.ui_scale)
        form.addRow("", note)
        form.addRow(self.tr("A viewer starts with"), self.tool)
        form.addRow(self.tr("Ink colour"), self.color)
        form.addRow(self.tr("Document cache, at most"), self.cache_limit)
        form.addRow(self.tr("Document cache folder"), folder_row)
        form.addRow(self.tr("Large monitor"), self.screen)
        form.addRow(self.tr("Touch mode"), self.touch)
        form.addRow(self.sign_out)
        form.addRow(buttons)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Document cache folder"),
                                                  self.cache_folder.text())
        if folder:
            self.cache_folder.setText(folder)

    def _sign_out(self) -> None:
        self.reject()
        self.signOutRequested.emit()

    def chosen(self) -> Preferences:
        return Preferences(
            server=self.server.text().strip(), language=self.language.currentData(),
            tool=self.tool.currentData(), color=self.color.currentData(),
            cache_limit_mb=self.cache_limit.value(),
            cache_folder=self.cache_folder.text().strip(),
            display_screen=self.screen.currentData(), ui_scale=self.ui_scale.currentData(),
            touch=self.touch.currentData())

    def accept(self) -> None:
        self.preferences = self.chosen()
        self.preferences.save(self.settings)
        super().accept()
