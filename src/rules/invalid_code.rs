//! P006 invalid-code: a catalog value (area, competitiveness item, key task,
//! kind, audience, indicator, funding source, direction, directive) that the
//! profile or the format does not define.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::model::{DIRECTIONS, KINDS};
use crate::location::{Part, Pointer};
use crate::profile::{Area, Item, Profile, built_in};
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule, Sink};
use crate::{text, tr};

pub static RULE: Rule = Rule {
    code: "P006",
    name: "invalid-code",
    family: Family::Input,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Giá trị của `area`, `competitiveness`, `focus`, `kind`, `audience`, `indicator`, `funding`, `direction`, tên mục miễn áp dụng (hoặc `directive`) không phải mã, cũng không phải tên tiếng Việt hay tên khác của một mục trong danh mục (so sánh không phân biệt hoa thường, có dấu hay không dấu); gợi ý mã gần nhất. Viết tên như `Cải cách thể chế` là hợp lệ.",
            en: "An `area`, `competitiveness`, `focus`, `kind`, `audience`, `indicator`, `funding` or `direction` value, an exemption key (or `directive`) is neither a code nor a Vietnamese name or alias of an entry of the profile's catalog (folded); the closest code is suggested. A name such as `Cải cách thể chế` is valid.",
        },
        why: Text {
            vi: "Các nhiệm vụ phải \"đầy đủ 06 nội dung CCHC và đủ các nội dung nâng cao năng lực cạnh tranh cấp tỉnh\": chỉ đếm được khi dùng đúng mã của danh mục.",
            en: "Tasks must cover the six reform areas and every competitiveness item: they can only be counted when the catalog's codes are used.",
        },
        bad: "    area: Cải cách thể thao\n",
        good: "    area: Cải cách thể chế      # hoặc institutional\n",
        fix: Text {
            vi: "Dùng mã trong danh mục (`cchc explain P006` và khung `cchc init` liệt kê các mã), ví dụ mã được gợi ý.",
            en: "Use a code of the catalog (`cchc explain P006` and the `cchc init` template list them), for example the one suggested.",
        },
    },
};

/// A catalog entry as (code, names it may be written as).
struct Entry<'a> {
    code: &'a str,
    names: Vec<&'a str>,
}

fn areas(p: &Profile) -> Vec<Entry<'_>> {
    p.areas
        .iter()
        .map(|a: &Area| Entry {
            code: &a.code,
            names: [a.vi.as_str(), a.en.as_str()]
                .into_iter()
                .chain(a.aliases.iter().map(String::as_str))
                .collect(),
        })
        .collect()
}

fn items(list: &[Item]) -> Vec<Entry<'_>> {
    list.iter()
        .map(|i| Entry {
            code: &i.code,
            names: [i.vi.as_str(), i.en.as_str()]
                .into_iter()
                .chain(i.aliases.iter().map(String::as_str))
                .collect(),
        })
        .collect()
}

fn plain(codes: &[&'static str]) -> Vec<Entry<'static>> {
    codes
        .iter()
        .map(|c| Entry {
            code: c,
            names: Vec::new(),
        })
        .collect()
}

/// The catalog a field's values come from, built only to explain a bad value.
fn catalog(field: Field, p: &Profile) -> Vec<Entry<'_>> {
    match field {
        Field::Area => areas(p),
        Field::Competitiveness => items(&p.competitiveness),
        Field::Focus => items(&p.key_tasks),
        Field::Audience => items(&p.audiences),
        Field::Funding => items(&p.funding),
        Field::Indicator => p
            .indicators
            .iter()
            .map(|i| Entry {
                code: &i.code,
                names: vec![i.vi.as_str(), i.en.as_str()],
            })
            .collect(),
        Field::Kind => plain(KINDS),
        Field::Direction => plain(DIRECTIONS),
    }
}

/// Whether `value` is a code of the field's catalog (no allocation).
fn known(field: Field, p: &Profile, value: &str) -> bool {
    let has = |list: &[Item]| list.iter().any(|i| i.code == value);
    match field {
        Field::Area => p.areas.iter().any(|a| a.code == value),
        Field::Competitiveness => has(&p.competitiveness),
        Field::Focus => has(&p.key_tasks),
        Field::Audience => has(&p.audiences),
        Field::Funding => has(&p.funding),
        Field::Indicator => p.indicators.iter().any(|i| i.code == value),
        Field::Kind => KINDS.contains(&value),
        Field::Direction => DIRECTIONS.contains(&value),
    }
}

fn check(ctx: &mut Context) {
    let plan = ctx.plan;
    for o in plan.objectives.iter().flatten() {
        for (key, value, field) in [
            ("area", &o.area, Field::Area),
            ("indicator", &o.indicator, Field::Indicator),
            ("direction", &o.direction, Field::Direction),
        ] {
            if let Some(v) = value {
                verify(
                    ctx,
                    || o.at(key),
                    v,
                    field,
                    Part::Value,
                );
            }
        }
    }
    for t in ctx.tasks() {
        for (key, value, field) in [
            ("area", &t.area, Field::Area),
            ("kind", &t.kind, Field::Kind),
        ] {
            if let Some(v) = value {
                verify(
                    ctx,
                    || t.at(key),
                    v,
                    field,
                    Part::Value,
                );
            }
        }
        for (key, list, field) in [
            (
                "competitiveness",
                &t.competitiveness,
                Field::Competitiveness,
            ),
            ("focus", &t.focus, Field::Focus),
            ("audience", &t.audience, Field::Audience),
        ] {
            for (i, c) in list {
                verify(
                    ctx,
                    || t.at(key).index(*i),
                    c,
                    field,
                    Part::Value,
                );
            }
        }
    }
    for (i, c) in plan.resources.iter().flat_map(|r| &r.funding) {
        verify(
            ctx,
            || Pointer::keys(&["resources", "funding"]).index(*i),
            c,
            Field::Funding,
            Part::Value,
        );
    }
    for e in plan.exemptions.iter().flat_map(|e| &e.competitiveness) {
        // A reform-area code here is C004's, not an unknown code.
        if ctx.profile.area(&e.code).is_none() {
            let at = || Pointer::keys(&["exemptions", "competitiveness"]).key(e.key.clone());
            verify(ctx, at, &e.code, Field::Competitiveness, Part::Key);
        }
    }
}

#[derive(Clone, Copy)]
enum Field {
    Area,
    Competitiveness,
    Focus,
    Kind,
    Audience,
    Indicator,
    Funding,
    Direction,
}

fn field_name(f: Field, lang: Lang) -> &'static str {
    match (lang, f) {
        (Lang::Vi, Field::Area) => "nội dung CCHC",
        (Lang::Vi, Field::Competitiveness) => "nội dung năng lực cạnh tranh cấp tỉnh",
        (Lang::Vi, Field::Focus) => "nhiệm vụ trọng tâm của Chỉ thị 23/CT-TTg",
        (Lang::Vi, Field::Kind) => "loại nhiệm vụ",
        (Lang::Vi, Field::Audience) => "đối tượng tuyên truyền",
        (Lang::Vi, Field::Indicator) => "chỉ tiêu",
        (Lang::Vi, Field::Funding) => "nguồn kinh phí",
        (Lang::Vi, Field::Direction) => "chiều tiến bộ",
        (Lang::En, Field::Area) => "reform area",
        (Lang::En, Field::Competitiveness) => "competitiveness item",
        (Lang::En, Field::Focus) => "Directive 23/CT-TTg key task",
        (Lang::En, Field::Kind) => "task kind",
        (Lang::En, Field::Audience) => "audience",
        (Lang::En, Field::Indicator) => "indicator",
        (Lang::En, Field::Funding) => "funding source",
        (Lang::En, Field::Direction) => "direction",
    }
}

fn suggestion<'a>(value: &str, catalog: &'a [Entry<'a>]) -> Option<&'a str> {
    let candidates = catalog.iter().flat_map(|e| {
        std::iter::once((e.code, e.code)).chain(e.names.iter().map(move |n| (*n, e.code)))
    });
    text::closest(value, candidates)
}

fn help_for(lang: Lang, value: &str, catalog: &[Entry]) -> String {
    match suggestion(value, catalog) {
        Some(s) => tr!(
            lang,
            "Có phải ý bạn là `{s}`? Ghi mã, không ghi tên.",
            "Did you mean `{s}`? Write the code, not the name."
        ),
        None => {
            let list = catalog
                .iter()
                .map(|e| e.code)
                .collect::<Vec<_>>()
                .join(", ");
            tr!(lang, "Các mã hợp lệ: {list}.", "Valid codes: {list}.")
        }
    }
}

fn verify(
    ctx: &mut Context,
    pointer: impl FnOnce() -> Pointer,
    value: &str,
    field: Field,
    part: Part,
) {
    if known(field, ctx.profile, value) {
        return;
    }
    let lang = ctx.lang;
    let what = field_name(field, lang);
    let shown = text::printable(value);
    let profile = ctx.profile;
    ctx.report(|| {
        Diagnostic::new(pointer(),
            part,
            tr!(
                lang,
                "`{shown}` không phải mã {what} hợp lệ",
                "`{shown}` is not a valid {what} code"
            ),
        )
        .help(help_for(lang, value, &catalog(field, profile)))
    });
}

/// P006 for a `directive:` that names no known profile; no other rule runs then.
pub fn unknown_directive(sink: &mut Sink, value: &str, known: &[&str], lang: Lang) {
    let shown = text::printable(value);
    let list = if known.is_empty() {
        built_in()
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    } else {
        known.join(", ")
    };
    let help = match text::closest(value, known.iter().map(|k| (*k, *k))) {
        Some(s) => tr!(
            lang,
            "Có phải ý bạn là `{s}`? Các hồ sơ có sẵn: {list}.",
            "Did you mean `{s}`? Known profiles: {list}."
        ),
        None => tr!(
            lang,
            "Các hồ sơ có sẵn: {list}; hoặc chỉ định tệp hồ sơ bằng `--profile TỆP`.",
            "Known profiles: {list}; or name a profile file with `--profile FILE`."
        ),
    };
    let d = Diagnostic::new(
        Pointer::keys(&["directive"]),
        Part::Value,
        tr!(
            lang,
            "Không có văn bản chỉ đạo `{shown}`: kế hoạch chưa được kiểm tra theo quy tắc nào khác",
            "No directive profile `{shown}`: no other rule was run on this plan"
        ),
    )
    .help(help);
    sink.report(&RULE, || d);
}
