//! The organization's accent colour on candidate pages and emails, held to WCAG AA contrast.

use serde::{Deserialize, Serialize};

/// WCAG 2.x AA for normal text.
pub const MIN_CONTRAST: f64 = 4.5;

/// An sRGB colour as `#rrggbb`, lowercase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accent(String);

/// Why a colour was refused.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum AccentProblem {
    /// Not `#rrggbb`.
    Malformed,
    /// White text on it (the buttons) and it on white (the links) contrast this much, below
    /// [`MIN_CONTRAST`]; the two are the same number.
    LowContrast(f64),
}

impl Accent {
    /// `#1D4ED8` or `1d4ed8`; refused when white text on it, or it on white, falls below AA.
    pub fn parse(input: &str) -> Result<Accent, AccentProblem> {
        let hex = input.trim().trim_start_matches('#');
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(AccentProblem::Malformed);
        }
        let accent = Accent(format!("#{}", hex.to_ascii_lowercase()));
        let ratio = contrast(accent.rgb(), WHITE);
        if ratio < MIN_CONTRAST {
            return Err(AccentProblem::LowContrast(ratio));
        }
        Ok(accent)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Its hex digits, as a file name carries them.
    pub fn hex(&self) -> &str {
        &self.0[1..]
    }

    fn rgb(&self) -> [u8; 3] {
        let channel = |i: usize| u8::from_str_radix(&self.0[1 + 2 * i..3 + 2 * i], 16).unwrap_or(0);
        [channel(0), channel(1), channel(2)]
    }
}

const WHITE: [u8; 3] = [255, 255, 255];

/// WCAG 2.x relative luminance of an sRGB colour.
fn luminance([r, g, b]: [u8; 3]) -> f64 {
    let linear = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}

/// WCAG 2.x contrast ratio, from 1 (none) to 21 (black on white).
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (light, dark) = if la > lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// A ratio as the refusal states it, rounded down so that "4.49" never reads as "4.5".
pub fn ratio_in_hundredths(ratio: f64) -> u16 {
    (ratio * 100.0).floor().clamp(0.0, 2100.0) as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_follows_wcag() {
        assert!((contrast([0, 0, 0], WHITE) - 21.0).abs() < 1e-9);
        assert!((contrast(WHITE, WHITE) - 1.0).abs() < 1e-9);
        // WebAIM's checker: #767676 on white is 4.54:1, the lightest grey that passes AA.
        assert_eq!(
            ratio_in_hundredths(contrast([0x76, 0x76, 0x76], WHITE)),
            454
        );
        assert_eq!(
            ratio_in_hundredths(contrast([0x77, 0x77, 0x77], WHITE)),
            447
        );
    }

    #[test]
    fn a_dark_enough_colour_is_kept_in_one_spelling() {
        assert_eq!(Accent::parse("#1D4ED8").unwrap().as_str(), "#1d4ed8");
        assert_eq!(Accent::parse(" 767676 ").unwrap().hex(), "767676");
    }

    #[test]
    fn a_light_colour_is_refused_with_its_ratio() {
        let Err(AccentProblem::LowContrast(ratio)) = Accent::parse("#ffcc00") else {
            panic!("yellow passed");
        };
        assert_eq!(ratio_in_hundredths(ratio), 151);
        assert!(matches!(
            Accent::parse("#777777"),
            Err(AccentProblem::LowContrast(_))
        ));
    }

    #[test]
    fn anything_but_six_hex_digits_is_refused() {
        for bad in ["", "#fff", "#12345g", "red", "#1d4ed8;}", "url(x)"] {
            assert_eq!(Accent::parse(bad), Err(AccentProblem::Malformed), "{bad}");
        }
    }
}
