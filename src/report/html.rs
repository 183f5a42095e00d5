//! `report --format html`: one self-contained page with the views and a heat-map.

use std::fmt::Write;

use crate::i18n::Lang;
use crate::report::model::Report;
use crate::report::views;
use crate::tr;

fn html_escape(s: &str) -> String {
    crate::text::printable(s)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A colour from pale red (0) through yellow to green (max), for the heat-map.
fn heat_colour(n: usize, max: usize) -> String {
    if n == 0 {
        return "#fde2e1".to_owned();
    }
    let t = n as f64 / max.max(1) as f64;
    let hue = 50.0 + 70.0 * t;
    let light = 85.0 - 30.0 * t;
    format!("hsl({hue:.0}, 65%, {light:.0}%)")
}

const CSS: &str = r#"
*{box-sizing:border-box}body{font-family:"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;margin:1rem;color:#1f2933;line-height:1.4}
h1{font-size:1.4rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin:1.6rem 0 .5rem}
.wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid #d2d6dc;border-radius:6px}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border:1px solid #e4e7eb;padding:.3rem .45rem;text-align:center;vertical-align:middle}
th{background:#f0f4f8;font-weight:600}td:first-child,th:first-child{text-align:left;position:sticky;left:0;background:#fff}
th:first-child{background:#f0f4f8}td.exempt{background:#e4e7eb;color:#52606d;font-style:italic}td.neutral{background:#f8fafc}
td.weaker{background:#ffe3b3;font-weight:600}td.ready{background:#c6f7d0}td.not-ready{background:#fde2e1}
ul.notes{font-size:.8rem;color:#52606d;margin:.4rem 0 0;padding-left:1.2rem}.meta{color:#52606d;font-size:.85rem}
@media (max-width:600px){body{margin:.5rem}table{font-size:.75rem}th,td{padding:.2rem .3rem}}
@media print{@page{size:A4 landscape;margin:12mm}body{margin:0;font-size:9pt}.wrap{overflow:visible;border:none}
table{font-size:8pt;page-break-inside:auto}tr{page-break-inside:avoid}h2{page-break-after:avoid}
td,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"#;

pub fn render(r: &Report, lang: Lang) -> String {
    let title = tr!(
        lang,
        "Báo cáo tổng hợp kế hoạch cải cách hành chính",
        "Administrative-reform plans: summary report"
    );
    let mut out = String::new();
    let html_lang = match lang {
        Lang::Vi => "vi",
        Lang::En => "en",
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{t}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<h1>{t}</h1>\n<p class=\"meta\">{meta}</p>\n",
        t = html_escape(&title),
        meta = html_escape(&tr!(
            lang,
            "{} kế hoạch; tạo bởi cchc {}",
            "{} plans; made by cchc {}",
            r.plans.len(),
            env!("CARGO_PKG_VERSION")
        ))
    );
    for (i, v) in views::all(r, lang, false).into_iter().enumerate() {
        let id = ["coverage", "roadmap", "objectives", "compliance"]
            .get(i)
            .copied()
            .unwrap_or("view");
        let max = v.max_heat();
        let _ = write!(
            out,
            "<section id=\"{id}\">\n<h2>{}</h2>\n<div class=\"wrap\"><table>\n<thead><tr>",
            html_escape(&v.title)
        );
        for h in &v.headers {
            let _ = write!(out, "<th scope=\"col\">{}</th>", html_escape(h));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &v.rows {
            out.push_str("<tr>");
            for (j, c) in row.iter().enumerate() {
                let tag = if j == 0 { "th scope=\"row\"" } else { "td" };
                let close = if j == 0 { "th" } else { "td" };
                let mut attrs = String::new();
                if let Some(class) = c.class {
                    let _ = write!(attrs, " class=\"{class}\"");
                }
                if let Some(t) = &c.title {
                    let _ = write!(attrs, " title=\"{}\"", html_escape(t));
                }
                if let Some(n) = c.heat {
                    if c.class.is_none() {
                        let _ = write!(attrs, " style=\"background:{}\"", heat_colour(n, max));
                    }
                    let _ = write!(attrs, " data-count=\"{n}\"");
                }
                let _ = write!(out, "<{tag}{attrs}>{}</{close}>", html_escape(&c.text));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody></table></div>\n<ul class=\"notes\">");
        for n in &v.notes {
            let _ = write!(out, "<li>{}</li>", html_escape(n));
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
