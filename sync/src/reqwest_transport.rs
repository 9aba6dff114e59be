//! The default transport: reqwest over rustls with the ring provider, the
//! bundled Mozilla roots plus configured extra CAs. reqwest is async; each
//! request runs on a current-thread runtime built for it (a sync happens a
//! few times a day, so a resident runtime thread would only cost memory).

use crate::classify::{classify, InsecureRedirect};
use crate::config::SyncConfig;
use crate::error::{NetworkCode, SyncError};
use crate::transport::{check_url, HttpRequest, HttpResponse, Transport};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::CertificateDer;
use std::sync::{Arc, Once};

pub struct ReqwestTransport {
    client: reqwest::Client,
}

static RING_PROVIDER: Once = Once::new();

impl ReqwestTransport {
    pub fn new(config: &SyncConfig) -> Result<ReqwestTransport, SyncError> {
        // Process-wide default, for any rustls use that does not name one.
        RING_PROVIDER.call_once(|| {
            let _ = rustls::crypto::ring::default_provider().install_default();
        });
        let mut roots = rustls::RootCertStore::empty();
        roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
        for (i, pem) in config.extra_ca_pem.iter().enumerate() {
            let mut found = 0;
            for cert in CertificateDer::pem_slice_iter(pem.as_bytes()) {
                let cert = cert.map_err(|_| bad_ca(i))?;
                roots.add(cert).map_err(|_| bad_ca(i))?;
                found += 1;
            }
            if found == 0 {
                return Err(bad_ca(i));
            }
        }
        let tls = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .map_err(|e| SyncError::network(NetworkCode::Network, format!("TLS set-up: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
        let redirect_config = config.clone();
        let client = reqwest::Client::builder()
            .use_preconfigured_tls(tls)
            .https_only(!config.allow_http_localhost)
            .connect_timeout(config.connect_timeout)
            .read_timeout(config.read_timeout)
            .timeout(config.total_timeout)
            .redirect(reqwest::redirect::Policy::custom(move |attempt| {
                if check_url(attempt.url().as_str(), &redirect_config).is_err() {
                    attempt.error(InsecureRedirect)
                } else if attempt.previous().len() >= 5 {
                    attempt.stop()
                } else {
                    attempt.follow()
                }
            }))
            .user_agent(concat!("callguard/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| {
                SyncError::network(NetworkCode::Network, format!("HTTP client set-up: {e}"))
            })?;
        Ok(ReqwestTransport { client })
    }
}

fn bad_ca(index: usize) -> SyncError {
    SyncError::network(
        NetworkCode::Network,
        format!("extra CA certificate {index} is not a valid PEM certificate"),
    )
}

impl Transport for ReqwestTransport {
    fn get(&self, request: &HttpRequest) -> Result<HttpResponse, SyncError> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| {
                SyncError::network(NetworkCode::Network, format!("runtime: {}", e.kind()))
            })?;
        let result = runtime.block_on(self.fetch(request));
        // Dropping a runtime waits for its blocking threads, and a DNS
        // lookup (getaddrinfo on one of them) cannot be cancelled: on a
        // poor mobile network that would hold the call past its time-out.
        runtime.shutdown_background();
        result
    }
}

impl ReqwestTransport {
    async fn fetch(&self, request: &HttpRequest) -> Result<HttpResponse, SyncError> {
        let mut builder = self.client.get(&request.url).timeout(request.timeout);
        for (name, value) in &request.headers {
            builder = builder.header(name, value);
        }
        let mut response = builder.send().await.map_err(|e| classify(&e))?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .filter_map(|(n, v)| {
                Some((
                    n.as_str().to_ascii_lowercase(),
                    v.to_str().ok()?.to_string(),
                ))
            })
            .collect();
        if status != 200 {
            return Ok(HttpResponse {
                status,
                headers,
                body: Vec::new(),
            });
        }
        // Content-Length is a claim, not a promise: refuse early when it is
        // over the cap, and count the real (decompressed) bytes anyway, so an
        // endless body or a gzip bomb stops at the cap.
        if response
            .content_length()
            .is_some_and(|len| len > request.max_bytes)
        {
            return Err(too_large(request.max_bytes));
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| classify(&e))? {
            if body.len() as u64 + chunk.len() as u64 > request.max_bytes {
                return Err(too_large(request.max_bytes));
            }
            body.extend_from_slice(&chunk);
        }
        Ok(HttpResponse {
            status,
            headers,
            body,
        })
    }
}

fn too_large(limit: u64) -> SyncError {
    SyncError::network(
        NetworkCode::TooLarge,
        format!("the response is larger than {limit} bytes"),
    )
}
