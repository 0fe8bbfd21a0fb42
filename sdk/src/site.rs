//! Datadog sites: where an organisation's data lives, and so which API host to call.

use crate::error::ConfigError;
use std::fmt;
use std::str::FromStr;

/// A Datadog site.
///
/// Parse one from its domain (`us3.datadoghq.com`) or its short name (`US3`, `eu1`, `us1-fed`);
/// case and surrounding spaces are ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Site {
    /// US1, `datadoghq.com` (the default).
    #[default]
    Us1,
    /// US3, `us3.datadoghq.com`.
    Us3,
    /// US5, `us5.datadoghq.com`.
    Us5,
    /// EU1, `datadoghq.eu`.
    Eu1,
    /// AP1, `ap1.datadoghq.com`.
    Ap1,
    /// AP2, `ap2.datadoghq.com`.
    Ap2,
    /// UK1, `uk1.datadoghq.com`.
    Uk1,
    /// US1-FED (GovCloud), `ddog-gov.com`.
    Us1Fed,
    /// US2-FED, `us2.ddog-gov.com`.
    Us2Fed,
}

impl Site {
    /// Every site, in documentation order.
    pub const ALL: [Site; 9] =
        [Site::Us1, Site::Us3, Site::Us5, Site::Eu1, Site::Ap1, Site::Ap2, Site::Uk1, Site::Us1Fed, Site::Us2Fed];

    /// The site's domain (`datadoghq.com`).
    pub fn domain(self) -> &'static str {
        match self {
            Site::Us1 => "datadoghq.com",
            Site::Us3 => "us3.datadoghq.com",
            Site::Us5 => "us5.datadoghq.com",
            Site::Eu1 => "datadoghq.eu",
            Site::Ap1 => "ap1.datadoghq.com",
            Site::Ap2 => "ap2.datadoghq.com",
            Site::Uk1 => "uk1.datadoghq.com",
            Site::Us1Fed => "ddog-gov.com",
            Site::Us2Fed => "us2.ddog-gov.com",
        }
    }

    /// The short name (`US1`, `US1-FED`).
    pub fn short_name(self) -> &'static str {
        match self {
            Site::Us1 => "US1",
            Site::Us3 => "US3",
            Site::Us5 => "US5",
            Site::Eu1 => "EU1",
            Site::Ap1 => "AP1",
            Site::Ap2 => "AP2",
            Site::Uk1 => "UK1",
            Site::Us1Fed => "US1-FED",
            Site::Us2Fed => "US2-FED",
        }
    }

    /// The API base URL (`https://api.datadoghq.com`).
    pub fn api_url(self) -> String {
        format!("https://api.{}", self.domain())
    }
}

impl fmt::Display for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.domain())
    }
}

impl FromStr for Site {
    type Err = ConfigError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim().trim_end_matches('/');
        let wanted = wanted.strip_prefix("api.").unwrap_or(wanted);
        Site::ALL
            .into_iter()
            .find(|site| site.domain().eq_ignore_ascii_case(wanted) || site.short_name().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| ConfigError::UnknownSite(s.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_domains_and_short_names() {
        for site in Site::ALL {
            assert_eq!(site.domain().parse::<Site>(), Ok(site));
            assert_eq!(site.short_name().to_lowercase().parse::<Site>(), Ok(site));
            assert_eq!(format!(" api.{} ", site.domain()).parse::<Site>(), Ok(site));
        }
        assert_eq!("datadoghq.eu".parse::<Site>().map(Site::api_url), Ok("https://api.datadoghq.eu".to_owned()));
    }

    #[test]
    fn unknown_site_is_an_error() {
        assert_eq!("datadoghq.org".parse::<Site>(), Err(ConfigError::UnknownSite("datadoghq.org".into())));
    }
}
