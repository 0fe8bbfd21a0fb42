//! A loopback HTTP/1.1 server (hyper, the project's one server crate) on a thread and runtime of
//! its own, answering every request with what a function of the request's URI returns.

use bytes::Bytes;
use http_body_util::Full;
use hyper::body::Incoming;
use hyper::service::service_fn;
use hyper::{Request, Response, Uri};
use hyper_util::rt::TokioIo;
use std::convert::Infallible;
use std::sync::Arc;

/// Starts the server; its base URL (`http://127.0.0.1:<port>`). It runs until the process ends.
pub fn start<F>(respond: F) -> String
where
    F: Fn(&Uri) -> Bytes + Send + Sync + 'static,
{
    let (tx, rx) = std::sync::mpsc::channel();
    let respond = Arc::new(respond);
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("server runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind loopback");
            tx.send(listener.local_addr().expect("local address"))
                .expect("report the address");
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    continue;
                };
                let _ = stream.set_nodelay(true);
                let respond = Arc::clone(&respond);
                tokio::spawn(async move {
                    let service = service_fn(move |request: Request<Incoming>| {
                        let body = respond(request.uri());
                        async move {
                            Ok::<_, Infallible>(
                                Response::builder()
                                    .header("content-type", "application/json")
                                    .body(Full::new(body))
                                    .expect("response"),
                            )
                        }
                    });
                    let _ = hyper::server::conn::http1::Builder::new()
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        });
    });
    let address = rx.recv().expect("server started");
    format!("http://{address}")
}
