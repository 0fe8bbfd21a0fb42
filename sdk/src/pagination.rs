//! Pagination (placeholder).
