"""Self-signed certificate for --tls, made at startup.

The ``openssl`` command line is used when present; otherwise the
``cryptography`` package if it can be imported.
"""

from __future__ import annotations

import datetime
import ipaddress
import shutil
import ssl
import subprocess
import tempfile
from pathlib import Path


def _with_openssl(cert: Path, key: Path, host: str) -> None:
    san = f"subjectAltName=DNS:localhost,IP:127.0.0.1,{_san_entry(host)}"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-subj", "/CN=pbx-emulator", "-addext", san,
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True)


def _san_entry(host: str) -> str:
    try:
        ipaddress.ip_address(host)
        return f"IP:{host}"
    except ValueError:
        return f"DNS:{host}"


def _with_cryptography(cert: Path, key: Path, host: str) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "pbx-emulator")])
    alt: list[x509.GeneralName] = [x509.DNSName("localhost"),
                                   x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
    try:
        alt.append(x509.IPAddress(ipaddress.ip_address(host)))
    except ValueError:
        alt.append(x509.DNSName(host))
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                   .public_key(private.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(minutes=5))
                   .not_valid_after(now + datetime.timedelta(days=2))
                   .add_extension(x509.SubjectAlternativeName(alt), critical=False)
                   .sign(private, hashes.SHA256()))
    cert.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key.write_bytes(private.private_bytes(serialization.Encoding.PEM,
                                          serialization.PrivateFormat.TraditionalOpenSSL,
                                          serialization.NoEncryption()))


def make_certificate(host: str) -> tuple[Path, Path]:
    folder = Path(tempfile.mkdtemp(prefix="pbx-emulator-tls-"))
    cert, key = folder / "cert.pem", folder / "key.pem"
    if shutil.which("openssl"):
        _with_openssl(cert, key, host)
    else:
        try:
            _with_cryptography(cert, key, host)
        except ImportError:
            raise RuntimeError("--tls needs the openssl command or the cryptography package") from None
    return cert, key


def server_context(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(cert), str(key))
    return context
