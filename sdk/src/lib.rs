//! SDK placeholder
