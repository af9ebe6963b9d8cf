# -*- coding: utf-8 -*-
# Copyright: telephony.pbx contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Files a PBX hands out (recordings, CDR and report files), written on the controller.

The persistent connection streams the answer into a FileTarget next to its destination, so the
bytes never travel through the JSON-RPC socket between module and connection (base64 in JSON
would triple the memory of a recording of several megabytes); the module gets the size and
checksum back. The destination changes only when the content differs, and atomically."""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import hashlib
import os
import tempfile

CHUNK = 1024 * 1024


def file_sha256(path):
    """The SHA-256 of a file, or None when there is no such file."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for chunk in iter(lambda: handle.read(CHUNK), b""):
                digest.update(chunk)
    except (IOError, OSError):
        return None
    return digest.hexdigest()


class DownloadTargetError(Exception):
    """The file could not be written on the controller (not a transport failure: never retried)."""


class FileTarget:
    """A download in progress into `dest`: a temporary file in the same directory, started over on
    every attempt, then moved over `dest` when its content is new."""

    def __init__(self, dest):
        self.dest = dest
        self._path = None
        self._digest = None
        self.size = 0
        self.received = False

    def receive(self, response):
        """Stream one HTTP answer into the temporary file; read errors propagate as they are (transport)."""
        self.discard()
        try:
            handle, self._path = tempfile.mkstemp(prefix=".download-", dir=os.path.dirname(self.dest) or ".")
        except OSError as exc:
            raise DownloadTargetError("cannot write into %s: %s" % (os.path.dirname(self.dest), exc))
        self._digest = hashlib.sha256()
        self.size = 0
        with os.fdopen(handle, "wb") as out:
            for chunk in iter(lambda: response.read(CHUNK), b""):
                self._digest.update(chunk)
                self.size += len(chunk)
                try:
                    out.write(chunk)
                except OSError as exc:
                    raise DownloadTargetError("cannot write %s: %s" % (self.dest, exc))
        self.received = True

    def commit(self):
        """Put the file in place unless an identical one is there; {"size", "sha256", "changed"}."""
        sha256 = self._digest.hexdigest()
        changed = file_sha256(self.dest) != sha256
        if changed:
            try:
                os.chmod(self._path, 0o644)
                os.replace(self._path, self.dest)
            except OSError as exc:
                raise DownloadTargetError("cannot write %s: %s" % (self.dest, exc))
            self._path = None
        self.discard()
        return {"size": self.size, "sha256": sha256, "changed": changed}

    def discard(self):
        if self._path:
            try:
                os.unlink(self._path)
            except OSError:
                pass
            self._path = None
