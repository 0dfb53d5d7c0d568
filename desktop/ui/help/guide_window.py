"""Help → 使い方: the user guide, Markdown shipped inside the package (desktop/guide/), shown in
a QTextBrowser window. Offline, no system browser needed, and found the same way in a checkout,
a wheel and the installer's bundle (paths.package_root, like the fonts)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import QMainWindow, QTextBrowser, QWidget

from desktop.i18n import _, current_language
from desktop.paths import package_root


def guide_path(language: str | None = None) -> Path:
    """The guide's Markdown in the UI language (Japanese when there is none in that language)."""
    folder = package_root() / "guide"
    wanted = folder / (language or current_language()) / "guide.md"
    return wanted if wanted.is_file() else folder / "ja" / "guide.md"


class GuideBrowser(QTextBrowser):
    """Pictures (1280 px wide) are scaled down to the window's width instead of scrolling sideways."""

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # Qt override
        resource = super().loadResource(kind, name)
        if kind == QTextDocument.ResourceType.ImageResource.value and isinstance(resource, QByteArray | bytes):
            image = QImage.fromData(resource)
            limit = max(400, self.viewport().width() - 40)
            if not image.isNull() and image.width() > limit:
                return image.scaledToWidth(limit, Qt.TransformationMode.SmoothTransformation)
            return image
        return resource


class GuideWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("使い方 — 連携デスク"))
        self.browser = GuideBrowser()
        self.browser.setOpenLinks(False)  # _follow decides: inside the guide, or the system browser
        self.browser.anchorClicked.connect(self._follow)
        self.setCentralWidget(self.browser)
        self.path = guide_path(language)
        self.browser.setSource(QUrl.fromLocalFile(str(self.path)), QTextDocument.ResourceType.MarkdownResource)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Close), self, self.close)
        self.resize(980, 760)

    def _follow(self, url: QUrl) -> None:
        """Links inside the guide stay in the window; a web address goes to the system browser."""
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
            return
        target = self.browser.source().resolved(url)
        kind = (QTextDocument.ResourceType.MarkdownResource if target.path().endswith(".md")
                else QTextDocument.ResourceType.UnknownResource)
        self.browser.setSource(target, kind)
