//! The accept loop and state lock shared by the loopback servers (`ReplayServer`, `FaultServer`).

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use std::future::Future;
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::task::JoinSet;

/// Locks server state; a panic while it was held cannot leave it inconsistent, so poisoning is
/// ignored.
pub(crate) fn lock<T>(state: &Mutex<T>) -> MutexGuard<'_, T> {
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Serves HTTP/1.1 connections with `handler` until the task running this is aborted; aborting
/// drops the listener and the `JoinSet`, which aborts every connection.
///
/// With `reset_on_close`, connections close abortively, so a handler that gives up on a connection
/// sends a TCP RST.
pub(crate) async fn accept_loop<H, F, E>(listener: TcpListener, reset_on_close: bool, handler: H)
where
    H: Fn(Request<Incoming>) -> F + Clone + Send + Sync + 'static,
    F: Future<Output = Result<Response<Full<Bytes>>, E>> + Send + 'static,
    E: Into<Box<dyn std::error::Error + Send + Sync>> + 'static,
{
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => {
                    if reset_on_close {
                        // A failure only weakens a reset into a plain close.
                        let _ = stream.set_zero_linger();
                    }
                    let handler = handler.clone();
                    connections.spawn(async move {
                        let service = service_fn(&handler);
                        // Connections ending with an error (a client hanging up, an injected reset)
                        // have nothing left to record.
                        let _ = http1::Builder::new().serve_connection(TokioIo::new(stream), service).await;
                    });
                }
                // Transient accept errors (e.g. too many open files): back off briefly, keep serving.
                Err(_) => tokio::time::sleep(Duration::from_millis(10)).await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}
