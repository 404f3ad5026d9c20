"""Secrets in the operating system's keyring, and nowhere else.

The PKCS#12 password of each enterprise certificate, the API directory's subscription key and
the Maskinporten client ids live here. Where the machine has no keyring (a headless Linux box
has none by default) Boinnsyn says so and names the ways to get one; it never falls back to a
plain file on its own.
"""

from __future__ import annotations

import keyring
import keyring.errors
from keyring.backends import fail

SERVICE_NAME = "boinnsyn"

NO_KEYRING_HELP = (
    "No keyring is available on this machine, so Boinnsyn cannot store the certificate "
    "password, the directory subscription key or the client ids. Ways to get one: on a Linux "
    "desktop, run a Secret Service (GNOME Keyring or KeePassXC with its Secret Service "
    "integration); on a headless box, install the keyrings.alt package and select its "
    "EncryptedKeyring in the keyring configuration file (it asks for a master password); "
    "Windows and macOS have one built in. See 'python -m keyring diagnose'."
)


class KeyringUnavailable(RuntimeError):
    def __init__(self) -> None:
        super().__init__(NO_KEYRING_HELP)


def keyring_available() -> bool:
    backend = keyring.get_keyring()
    return not isinstance(backend, fail.Keyring)


def secret_name(environment: str, item: str, service: str | None = None) -> str:
    """A stable key such as `test/bankruptcy/pkcs12-password` or `production/directory-key`."""
    return "/".join(part for part in (environment, service, item) if part)


def set_secret(name: str, value: str) -> None:
    if not keyring_available():
        raise KeyringUnavailable()
    try:
        keyring.set_password(SERVICE_NAME, name, value)
    except keyring.errors.KeyringError as error:
        raise RuntimeError(f"the keyring refused to store {name}: {type(error).__name__}") from None


def get_secret(name: str) -> str | None:
    if not keyring_available():
        raise KeyringUnavailable()
    try:
        return keyring.get_password(SERVICE_NAME, name)
    except keyring.errors.KeyringError as error:
        raise RuntimeError(f"the keyring could not read {name}: {type(error).__name__}") from None


def delete_secret(name: str) -> None:
    if not keyring_available():
        raise KeyringUnavailable()
    try:
        keyring.delete_password(SERVICE_NAME, name)
    except keyring.errors.PasswordDeleteError:
        return
