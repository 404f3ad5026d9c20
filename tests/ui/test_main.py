"""Starting the window: without a display it says what to do instead of letting Qt abort."""

from __future__ import annotations

import pytest

from app.ui import main

NO_SCREEN: dict[str, str] = {"HOME": "/home/someone"}


def test_no_display_is_missing_when_qt_is_given_a_platform() -> None:
    assert not main.display_missing({"QT_QPA_PLATFORM": "offscreen"}, "linux")


@pytest.mark.parametrize("variable", ["DISPLAY", "WAYLAND_DISPLAY"])
def test_an_x11_or_wayland_display_is_enough(variable: str) -> None:
    assert not main.display_missing({variable: ":0"}, "linux")


def test_linux_without_any_display_has_none() -> None:
    assert main.display_missing(NO_SCREEN, "linux")


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_always_have_their_own_screen(platform: str) -> None:
    assert not main.display_missing(NO_SCREEN, platform)


def test_the_window_without_a_display_says_what_to_do_and_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(main, "display_missing", lambda: True)
    assert main.run_gui(["boinnsyn"]) == 2
    (line,) = capsys.readouterr().err.splitlines()
    assert "no display" in line
    assert "boinnsyn demo" in line
    assert "xvfb-run -a boinnsyn" in line
