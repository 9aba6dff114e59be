//! What went wrong on the wire, in words an operator can act on: the
//! reqwest error's source chain is walked down to the `std::io::Error`
//! kind and the `rustls::Error` underneath. Only the URL's host is ever
//! named (by the caller); nothing here quotes what the server sent.

use crate::error::{NetworkCode, SyncError};
use std::error::Error;

/// Said wherever the certificate chain is not trusted.
pub const CA_HINT: &str =
    "a private or test server: pass its CA with --ca-cert / SyncConfig(caCertsPem = …)";

/// Marks our redirect refusal inside reqwest's error chain.
#[derive(Debug)]
pub(crate) struct InsecureRedirect;

impl std::fmt::Display for InsecureRedirect {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "redirect to a non-https URL")
    }
}

impl Error for InsecureRedirect {}

/// The most specific finding in an error chain.
enum Cause {
    Redirect,
    Tls(NetworkCode, String),
    Io(std::io::ErrorKind),
    Dns,
}

pub(crate) fn classify(error: &reqwest::Error) -> SyncError {
    let cause = find_cause(error);
    let (code, detail): (NetworkCode, String) = match cause {
        Some(Cause::Redirect) => (
            NetworkCode::InsecureRedirect,
            "a redirect led to a non-https URL".into(),
        ),
        Some(Cause::Tls(code, detail)) => (code, detail),
        Some(Cause::Dns) => (
            NetworkCode::Dns,
            "the host name could not be resolved".into(),
        ),
        _ if error.is_timeout() && error.is_connect() => (
            NetworkCode::Timeout,
            "connecting (TCP and TLS handshake) took longer than the connect time-out".into(),
        ),
        _ if error.is_timeout() => (
            NetworkCode::Timeout,
            "the server took too long (read or total time-out)".into(),
        ),
        Some(Cause::Io(kind)) => io_cause(kind, error.is_connect()),
        None if error.is_redirect() => (NetworkCode::HttpStatus, "too many redirects".into()),
        None if error.is_connect() => (NetworkCode::Network, "could not connect".into()),
        None if error.is_body() || error.is_decode() => (
            NetworkCode::Network,
            "the transfer was cut short or corrupt".into(),
        ),
        None => (NetworkCode::Network, "the transfer failed".into()),
    };
    SyncError::network(code, detail)
}

fn io_cause(kind: std::io::ErrorKind, connecting: bool) -> (NetworkCode, String) {
    use std::io::ErrorKind as K;
    match kind {
        K::ConnectionRefused => (
            NetworkCode::ConnectionRefused,
            "the connection was refused (nothing listens at that address and port)".into(),
        ),
        K::TimedOut => (
            NetworkCode::Timeout,
            "the connection timed out (TCP)".into(),
        ),
        // tokio-rustls reports a server that hangs up mid-handshake this way.
        K::UnexpectedEof if connecting => (
            NetworkCode::TlsProtocol,
            "the server closed the connection during the TLS handshake".into(),
        ),
        K::ConnectionReset | K::ConnectionAborted | K::BrokenPipe => {
            (NetworkCode::Network, "the connection was reset".into())
        }
        K::NetworkUnreachable | K::HostUnreachable | K::AddrNotAvailable => (
            NetworkCode::Network,
            "the network or host is unreachable".into(),
        ),
        K::UnexpectedEof => (NetworkCode::Network, "the transfer was cut short".into()),
        _ if connecting => (NetworkCode::Network, "could not connect".into()),
        _ => (NetworkCode::Network, "the transfer failed".into()),
    }
}

/// Depth-first over `source()`, also looking inside `io::Error`s: their
/// `source()` skips the error they wrap, which is where tokio-rustls puts
/// the `rustls::Error`.
fn find_cause(error: &(dyn Error + 'static)) -> Option<Cause> {
    let mut found: Option<Cause> = None;
    let mut node: Option<&(dyn Error + 'static)> = Some(error);
    while let Some(e) = node {
        if e.is::<InsecureRedirect>() {
            return Some(Cause::Redirect);
        }
        if let Some(tls) = e.downcast_ref::<rustls::Error>() {
            return Some(tls_cause(tls));
        }
        if let Some(io) = e.downcast_ref::<std::io::Error>() {
            // The innermost kind is the most telling; a wrapper's `Other` is not.
            if io.kind() != std::io::ErrorKind::Other || found.is_none() {
                found = Some(Cause::Io(io.kind()));
            }
            match io.get_ref().and_then(|inner| find_cause(inner)) {
                Some(cause @ (Cause::Redirect | Cause::Tls(..) | Cause::Dns)) => {
                    return Some(cause)
                }
                // An io::Error wrapped in an `Other` one (tokio-rustls's
                // "tls handshake eof" inside hyper-util's connect error):
                // the wrapped kind is the finding.
                Some(Cause::Io(kind)) if kind != std::io::ErrorKind::Other => {
                    found = Some(Cause::Io(kind));
                }
                _ => {}
            }
        }
        // hyper-util's ConnectError is private; its message is the only
        // sign that name resolution (not the connection) failed.
        if e.to_string() == "dns error" {
            return Some(Cause::Dns);
        }
        node = e.source();
    }
    found
}

fn tls_cause(error: &rustls::Error) -> Cause {
    use rustls::CertificateError as C;
    let untrusted = |what: &str| {
        Cause::Tls(
            NetworkCode::TlsUntrusted,
            format!("the server's certificate {what} ({CA_HINT})"),
        )
    };
    match error {
        rustls::Error::InvalidCertificate(cert) => match cert {
            C::UnknownIssuer => untrusted("is not issued by a trusted CA"),
            // A same-named but different CA: the chain does not verify.
            C::BadSignature => untrusted("chain does not verify against a trusted CA"),
            C::NotValidForName | C::NotValidForNameContext { .. } => Cause::Tls(
                NetworkCode::TlsWrongHost,
                "the server's certificate is not valid for this host name".into(),
            ),
            C::Expired | C::ExpiredContext { .. } => Cause::Tls(
                NetworkCode::TlsUntrusted,
                "the server's certificate has expired (or this device's clock is wrong)".into(),
            ),
            C::NotValidYet | C::NotValidYetContext { .. } => Cause::Tls(
                NetworkCode::TlsUntrusted,
                "the server's certificate is not valid yet (or this device's clock is wrong)"
                    .into(),
            ),
            other => Cause::Tls(
                NetworkCode::TlsUntrusted,
                format!("the server's certificate was refused: {other:?}"),
            ),
        },
        other => Cause::Tls(
            NetworkCode::TlsProtocol,
            format!("the TLS handshake failed: {other}"),
        ),
    }
}
