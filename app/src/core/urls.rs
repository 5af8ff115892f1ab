//! Building our own URLs in pages and redirects.

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// Everything but RFC 3986's unreserved characters is escaped in a query value.
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// `name=value&…` with each value escaped.
pub fn query(pairs: &[(&str, &str)]) -> String {
    pairs
        .iter()
        .map(|(name, value)| format!("{name}={}", utf8_percent_encode(value, QUERY_VALUE)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The stylesheet that sets an accent colour on candidate pages (`server::http` answers it):
/// named after the colour, so it is cached for good and a new colour is a new file.
pub fn accent_stylesheet(accent: &crate::domain::branding::Accent) -> String {
    format!("/branding/accent-{}.css", accent.hex())
}

#[cfg(test)]
mod tests {
    #[test]
    fn values_are_escaped_names_are_not() {
        assert_eq!(
            super::query(&[
                ("next", "/candidates?q=a b&page=2"),
                ("error", "sign-in-failed")
            ]),
            "next=%2Fcandidates%3Fq%3Da%20b%26page%3D2&error=sign-in-failed"
        );
    }
}
