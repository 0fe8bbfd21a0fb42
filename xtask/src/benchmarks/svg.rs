//! The page's chart: one horizontal bar per ratio (ours ÷ a baseline), drawn from the 1.0 line on a
//! logarithmic axis so 0.5× and 2× are the same length either side; a tick marks the target where
//! there is one, and the colour says whether it was met. Hand-written SVG, laid out the same way
//! for the same bars.

use std::fmt::Write;

/// One bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    /// What the ratio compares (`decode org list: ours ÷ serde-derive`).
    pub label: String,
    /// The ratio.
    pub ratio: f64,
    /// The largest ratio the target allows, if there is a target.
    pub target: Option<f64>,
}

impl Bar {
    fn met(&self) -> Option<bool> {
        self.target.map(|t| self.ratio <= t)
    }
}

const WIDTH: f64 = 860.0;
const LABEL_WIDTH: f64 = 380.0;
const PLOT_LEFT: f64 = LABEL_WIDTH + 12.0;
/// The values sit in a column of their own right of the plot, so no bar covers them.
const PLOT_RIGHT: f64 = WIDTH - 75.0;
const TOP: f64 = 40.0;
const ROW: f64 = 22.0;
const BAR: f64 = 14.0;
const MET: &str = "#2e7d32";
const MISSED: &str = "#c62828";
const NO_TARGET: &str = "#607d8b";

/// A ratio as the chart and the page print it: three significant digits, then `×`.
pub fn ratio_text(ratio: f64) -> String {
    if !(ratio > 0.0 && ratio.is_finite()) {
        return format!("{ratio}×");
    }
    let magnitude = ratio.log10().floor() as i32;
    let mut digits = (2 - magnitude).clamp(0, 6);
    // 0.9998 rounds to 1.00, not 1.000: count the digits of the rounded value.
    let scale = 10f64.powi(digits);
    if (ratio * scale).round() / scale >= 10f64.powi(magnitude + 1) {
        digits = (digits - 1).max(0);
    }
    let digits = digits as usize;
    format!("{ratio:.digits$}×")
}

/// The axis: from a 1, 2 or 5 times a power of ten below every ratio and target to one above,
/// with 1 always inside.
fn domain(bars: &[Bar]) -> (f64, f64) {
    let values = bars
        .iter()
        .flat_map(|b| std::iter::once(b.ratio).chain(b.target))
        .filter(|v| v.is_finite() && *v > 0.0);
    let (lo, hi) = values.fold((1.0f64, 1.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    (nice(lo / 1.15, false), nice(hi * 1.15, true))
}

/// The nearest 1, 2 or 5 times a power of ten below `v` (or above, with `up`).
fn nice(v: f64, up: bool) -> f64 {
    let decade = v.log10().floor() as i32;
    let steps = [1.0, 2.0, 5.0, 10.0];
    let base = 10f64.powi(decade);
    let candidates = steps.iter().map(|s| s * base);
    if up {
        candidates
            .into_iter()
            .find(|c| *c >= v * (1.0 - 1e-9))
            .unwrap_or(10.0 * base)
    } else {
        candidates
            .rev()
            .find(|c| *c <= v * (1.0 + 1e-9))
            .unwrap_or(base)
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The chart's SVG text.
pub fn render(title: &str, bars: &[Bar]) -> String {
    let (lo, hi) = domain(bars);
    let x = |v: f64| {
        let v = v.clamp(lo, hi);
        PLOT_LEFT + (v.log10() - lo.log10()) / (hi.log10() - lo.log10()) * (PLOT_RIGHT - PLOT_LEFT)
    };
    let plot_bottom = TOP + ROW * bars.len() as f64;
    let height = plot_bottom + 70.0;
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(
        svg,
        r#"<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="white"/>"#
    );
    let _ = writeln!(
        svg,
        r#"<text x="{}" y="20" font-size="14" font-weight="bold">{}</text>"#,
        10,
        escape(title)
    );
    // Grid lines at 1, 2 and 5 times each power of ten; over more than two decades only the
    // powers of ten are labelled, so the labels do not run into each other.
    let label_steps = (hi / lo).log10() <= 2.5;
    let mut decade = 10f64.powi(lo.log10().floor() as i32);
    while decade < hi * 1.001 {
        for step in [1.0, 2.0, 5.0] {
            let v = decade * step;
            if v > hi * 1.001 || v < lo * 0.999 {
                continue;
            }
            let gx = x(v);
            let (stroke, dash) = if step == 1.0 {
                ("#bbbbbb", "")
            } else {
                ("#e0e0e0", r#" stroke-dasharray="2,3""#)
            };
            let _ = writeln!(
                svg,
                r#"<line x1="{gx:.1}" y1="{TOP}" x2="{gx:.1}" y2="{plot_bottom}" stroke="{stroke}"{dash}/>"#
            );
            if step == 1.0 || label_steps {
                let _ = writeln!(
                    svg,
                    r##"<text x="{gx:.1}" y="{:.1}" text-anchor="middle" fill="#555555">{}</text>"##,
                    plot_bottom + 14.0,
                    escape(&axis_text(v))
                );
            }
        }
        decade *= 10.0;
    }
    let one = x(1.0);
    for (i, bar) in bars.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let mid = y + ROW / 2.0;
        let colour = match bar.met() {
            Some(true) => MET,
            Some(false) => MISSED,
            None => NO_TARGET,
        };
        let _ = writeln!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            LABEL_WIDTH,
            mid + 4.0,
            escape(&bar.label)
        );
        let end = x(bar.ratio);
        let (left, right) = if end < one { (end, one) } else { (one, end) };
        let _ = writeln!(
            svg,
            r#"<rect x="{left:.1}" y="{:.1}" width="{:.1}" height="{BAR}" fill="{colour}"/>"#,
            mid - BAR / 2.0,
            (right - left).max(1.0)
        );
        if let Some(target) = bar.target {
            let tx = x(target);
            let _ = writeln!(
                svg,
                r##"<line x1="{tx:.1}" y1="{:.1}" x2="{tx:.1}" y2="{:.1}" stroke="#111111" stroke-width="2"/>"##,
                mid - BAR / 2.0 - 3.0,
                mid + BAR / 2.0 + 3.0
            );
        }
        let _ = writeln!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            WIDTH - 10.0,
            mid + 4.0,
            escape(&ratio_text(bar.ratio))
        );
    }
    let _ = writeln!(
        svg,
        r##"<line x1="{one:.1}" y1="{:.1}" x2="{one:.1}" y2="{plot_bottom}" stroke="#111111"/>"##,
        TOP - 6.0
    );
    let legend = plot_bottom + 36.0;
    let _ = writeln!(
        svg,
        r##"<text x="10" y="{legend:.1}" fill="#333333">Ratio = ours ÷ the baseline, log scale: left of the 1.0 line is cheaper or faster. A black tick marks the target.</text>"##
    );
    let mut lx = 10.0;
    for (colour, text) in [
        (MET, "target met"),
        (MISSED, "target missed"),
        (NO_TARGET, "no target"),
    ] {
        let _ = writeln!(
            svg,
            r#"<rect x="{lx:.1}" y="{:.1}" width="12" height="12" fill="{colour}"/>"#,
            legend + 10.0
        );
        let _ = writeln!(
            svg,
            r#"<text x="{:.1}" y="{:.1}">{text}</text>"#,
            lx + 16.0,
            legend + 20.0
        );
        lx += 120.0;
    }
    svg.push_str("</svg>\n");
    svg
}

/// An axis value: `0.01`, `0.5`, `1`, `20`.
fn axis_text(v: f64) -> String {
    let text = format!("{v:.4}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    format!("{text}×")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(label: &str, ratio: f64, target: Option<f64>) -> Bar {
        Bar {
            label: label.to_owned(),
            ratio,
            target,
        }
    }

    /// The `x` and `width` of the `n`th bar rectangle (after the background).
    fn bar_rect(svg: &str, n: usize) -> (f64, f64, String) {
        let line = svg
            .lines()
            .filter(|l| l.starts_with("<rect") && l.contains(r#"height="14""#))
            .nth(n)
            .unwrap();
        let attr = |name: &str| {
            let start = line.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
            line[start..].split('"').next().unwrap().to_owned()
        };
        (
            attr("x").parse().unwrap(),
            attr("width").parse().unwrap(),
            attr("fill"),
        )
    }

    fn one_line(svg: &str) -> f64 {
        let line = svg
            .lines()
            .find(|l| l.starts_with("<line") && l.contains(r##"stroke="#111111"/>"##))
            .unwrap();
        let start = line.find("x1=\"").unwrap() + 4;
        line[start..].split('"').next().unwrap().parse().unwrap()
    }

    #[test]
    fn bars_start_at_the_one_line_and_are_log_scaled() {
        let svg = render(
            "t",
            &[
                bar("half", 0.5, None),
                bar("double", 2.0, Some(1.05)),
                bar("even", 1.02, Some(1.05)),
            ],
        );
        let one = one_line(&svg);
        let (x0, w0, c0) = bar_rect(&svg, 0);
        let (x1, w1, c1) = bar_rect(&svg, 1);
        let (x2, _, c2) = bar_rect(&svg, 2);
        // 0.5× ends where 2× starts, mirrored: the same length either side of 1.
        assert!((x0 + w0 - one).abs() < 0.2, "{x0} {w0} {one}");
        assert!((x1 - one).abs() < 0.2 && (x2 - one).abs() < 0.2);
        assert!((w0 - w1).abs() < 0.2, "{w0} {w1}");
        assert_eq!(c0, NO_TARGET);
        assert_eq!(c1, MISSED);
        assert_eq!(c2, MET);
    }

    #[test]
    fn labels_values_and_targets_are_drawn_and_escaped() {
        let svg = render(
            "Ratios <ours & theirs>",
            &[bar("decode: ours ÷ a<b", 0.163, Some(0.2))],
        );
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>\n"));
        assert!(svg.contains("Ratios &lt;ours &amp; theirs&gt;"));
        assert!(svg.contains(">decode: ours ÷ a&lt;b</text>"));
        assert!(svg.contains(">0.163×</text>"));
        assert_eq!(
            svg.matches(r##"stroke="#111111" stroke-width="2""##)
                .count(),
            1,
            "one target tick"
        );
        // Balanced tags: every element is self-closed or closed.
        assert_eq!(svg.matches("<text").count(), svg.matches("</text>").count());
    }

    #[test]
    fn the_axis_covers_every_value_in_one_two_five_steps() {
        assert_eq!(
            domain(&[bar("a", 0.013, None), bar("b", 7.4, Some(4.0))]),
            (0.01, 10.0)
        );
        assert_eq!(
            domain(&[bar("a", 0.18, None), bar("b", 25.4, None)]),
            (0.1, 50.0)
        );
        assert_eq!(domain(&[bar("a", 1.02, Some(1.05))]), (0.5, 2.0));
        assert_eq!(domain(&[]), (0.5, 2.0));
        let svg = render("t", &[bar("a", 0.013, None), bar("b", 7.4, None)]);
        for tick in [">0.01×<", ">0.1×<", ">1×<", ">10×<"] {
            assert!(svg.contains(tick), "{tick}");
        }
        // Three decades: the 2 and 5 lines are drawn but not labelled.
        assert!(!svg.contains(">0.5×<") && !svg.contains(">2×<"));
        assert_eq!(svg.matches(r#"stroke-dasharray="2,3""#).count(), 6);
        assert!(!svg.contains(">20×<"), "nothing past the domain");
        let svg = render("t", &[bar("a", 0.4, None), bar("b", 7.4, None)]);
        for tick in [">0.2×<", ">0.5×<", ">1×<", ">2×<", ">5×<", ">10×<"] {
            assert!(svg.contains(tick), "{tick}");
        }
    }

    #[test]
    fn the_same_bars_give_the_same_bytes() {
        let bars = [bar("a", 0.4, Some(0.2)), bar("b", 1.3, None)];
        assert_eq!(render("t", &bars), render("t", &bars));
        assert_ne!(render("t", &bars), render("t", &bars[..1]));
    }

    #[test]
    fn ratios_print_with_three_significant_digits() {
        assert_eq!(ratio_text(1.0512), "1.05×");
        assert_eq!(ratio_text(0.163), "0.163×");
        assert_eq!(ratio_text(0.0127), "0.0127×");
        assert_eq!(ratio_text(7.45), "7.45×");
        assert_eq!(ratio_text(23.46), "23.5×");
        assert_eq!(ratio_text(123.4), "123×");
        assert_eq!(ratio_text(0.9998), "1.00×");
        assert_eq!(ratio_text(9.996), "10.0×");
        assert_eq!(ratio_text(0.0999), "0.0999×");
    }
}
