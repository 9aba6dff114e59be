//! How bytes arrive: a `Transport` fetches one URL. The default is reqwest
//! (rustls on ring); apps may plug in OkHttp or URLSession through the
//! bindings' `HttpTransport` (system proxy, their own pinning) while
//! verification stays in Rust.

use crate::config::SyncConfig;
use crate::error::{NetworkCode, SyncError};
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct HttpRequest {
    pub url: String,
    /// Conditional-request headers (`If-None-Match`, `If-Modified-Since`).
    pub headers: Vec<(String, String)>,
    /// The transport must stop reading past this many body bytes.
    pub max_bytes: u64,
    pub timeout: Duration,
}

#[derive(Debug, Clone)]
pub struct HttpResponse {
    pub status: u16,
    /// Header names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

pub trait Transport: Send + Sync {
    fn get(&self, request: &HttpRequest) -> Result<HttpResponse, SyncError>;
}

/// Said whenever a plain `http:` URL is refused.
pub const HTTP_REFUSED: &str = "plain http:// is refused, only https:// URLs are allowed \
     (--allow-http-localhost / SyncConfig(allowHttpLocalhost = true) permits http only to \
     127.0.0.1 and localhost, for testing)";

/// The URL a sync was asked to fetch: `insecure_url` when refused.
pub fn check_url(url: &str, config: &SyncConfig) -> Result<(), SyncError> {
    url_allowed(url, config).map_err(|why| SyncError::network(NetworkCode::InsecureUrl, why))
}

/// Where a redirect led (or an app's transport ended up):
/// `insecure_redirect` when refused.
pub fn check_redirect(url: &str, config: &SyncConfig) -> Result<(), SyncError> {
    url_allowed(url, config).map_err(|why| {
        SyncError::network(
            NetworkCode::InsecureRedirect,
            format!("a redirect led to a refused URL: {why}"),
        )
    })
}

/// HTTPS only; plain `http:` only to this machine, and only when allowed.
fn url_allowed(url: &str, config: &SyncConfig) -> Result<(), &'static str> {
    // URL parsers read '\\' as '/', which would move the host past our check.
    if url.contains('\\') || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err("malformed URL (a backslash, a space or a control character)");
    }
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("https://") {
        return Ok(());
    }
    if config.allow_http_localhost {
        let rest = lower.strip_prefix("http://").unwrap_or("");
        let host = rest.split(['/', '?', '#']).next().unwrap_or("");
        let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
        let host = if host.starts_with('[') {
            host.split(']')
                .next()
                .map(|h| format!("{h}]"))
                .unwrap_or_default()
        } else {
            host.split(':').next().unwrap_or("").to_string()
        };
        if matches!(host.as_str(), "127.0.0.1" | "localhost" | "[::1]") {
            return Ok(());
        }
    }
    if lower.starts_with("http://") {
        Err(HTTP_REFUSED)
    } else {
        Err("only https:// URLs are allowed")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_only_unless_localhost_is_allowed() {
        let strict = SyncConfig::default();
        let local = SyncConfig {
            allow_http_localhost: true,
            ..SyncConfig::default()
        };
        assert!(check_url("https://bank.example/list.jws", &strict).is_ok());
        assert!(check_url("HTTPS://bank.example/list.jws", &strict).is_ok());
        assert!(check_url("http://127.0.0.1:8080/l", &strict).is_err());
        assert!(check_url("http://127.0.0.1:8080/l", &local).is_ok());
        assert!(check_url("http://localhost/l", &local).is_ok());
        assert!(check_url("http://[::1]:80/l", &local).is_ok());
        for bad in [
            "http://bank.example/l",
            "http://127.0.0.1.evil.example/l",
            "http://user@evil.example/x",
            "http://evil.example\\@127.0.0.1/",
            "https://a b/",
            "ftp://x",
            "file:///etc/passwd",
        ] {
            assert!(check_url(bad, &local).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_url_and_a_redirect_are_told_apart() {
        let strict = SyncConfig::default();
        let url = check_url("http://127.0.0.1:8080/l", &strict).unwrap_err();
        assert_eq!(url.code(), "insecure_url");
        assert!(url.to_string().contains("--allow-http-localhost"), "{url}");
        let redirect = check_redirect("http://127.0.0.1:8080/l", &strict).unwrap_err();
        assert_eq!(redirect.code(), "insecure_redirect");
        assert_eq!(
            check_url("ftp://x", &strict).unwrap_err().code(),
            "insecure_url"
        );
    }
}
