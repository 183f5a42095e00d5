//! P004 duplicate-id: two units, objectives or tasks share an id (repeated
//! mapping keys are reported under the same code by the loader).

use crate::diagnostic::{Diagnostic, Related, Severity};
use crate::i18n::Lang;
use crate::location::{Part, Pointer, Span};
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule, Sink};
use crate::{text, tr};

pub static RULE: Rule = Rule {
    code: "P004",
    name: "duplicate-id",
    family: Family::Input,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Hai đơn vị, hai mục tiêu hoặc hai nhiệm vụ trùng `id` (so sánh sau chuẩn hóa NFC; báo tại mục sau, nêu dòng của mục trước); hoặc một mục lặp lại trong cùng một nhóm mục.",
            en: "Two units, two objectives or two tasks share an `id` (compared after NFC normalisation; reported at the later one, naming the line of the first); or a key repeated inside one mapping.",
        },
        why: Text {
            vi: "Mỗi nhiệm vụ phải \"gắn với trách nhiệm cụ thể\"; mã trùng làm tham chiếu `lead`, `objectives` không rõ trỏ vào đâu.",
            en: "Each task must be tied to a specific responsibility; a repeated id makes `lead` and `objectives` references ambiguous.",
        },
        bad: "tasks:\n  - id: NV1\n    title: Rà soát TTHC\n  - id: NV1\n    title: Số hóa hồ sơ\n",
        good: "tasks:\n  - id: NV1\n    title: Rà soát TTHC\n  - id: NV2\n    title: Số hóa hồ sơ\n",
        fix: Text {
            vi: "Đặt cho mỗi mục một mã riêng (ví dụ NV1, NV2…), hoặc xóa mục bị lặp.",
            en: "Give every entry its own id (e.g. NV1, NV2…), or remove the repeated key.",
        },
    },
};

fn check(ctx: &mut Context) {
    let plan = ctx.plan;
    let units: Vec<(usize, Option<&str>)> = plan
        .units
        .iter()
        .flatten()
        .map(|u| (u.index, u.id.as_deref()))
        .collect();
    let objectives: Vec<(usize, Option<&str>)> = plan
        .objectives
        .iter()
        .flatten()
        .map(|o| (o.index, o.id.as_deref()))
        .collect();
    let tasks: Vec<(usize, Option<&str>)> = plan
        .tasks
        .iter()
        .flatten()
        .map(|t| (t.index, t.id.as_deref()))
        .collect();
    report_repeats(ctx, "units", &units);
    report_repeats(ctx, "objectives", &objectives);
    report_repeats(ctx, "tasks", &tasks);
}

/// Reports each id seen before in the same list, at the later one.
/// Where the id or key was first used, shown beside the later one.
fn first_use(pointer: Pointer, span: Option<Span>, lang: Lang) -> Related {
    Related {
        pointer,
        part: Part::Value,
        span,
        label: tr!(lang, "dùng lần đầu ở đây", "first used here"),
    }
}

/// P004 for a key repeated inside one YAML mapping, at the later key.
pub fn repeated_key(sink: &mut Sink, pointer: &Pointer, key: &str, span: Span, first: Span, lang: Lang) {
    let key = text::printable(key);
    sink.report(&RULE, || {
        Diagnostic::new(
            pointer.clone(),
            Part::Key,
            tr!(lang, "Mục `{key}` lặp lại", "Key `{key}` is repeated"),
        )
        .help(tr!(
            lang,
            "Gộp hai mục `{key}` thành một; giá trị lặp lại sau bị bỏ qua.",
            "Merge the two `{key}` entries; the later value is ignored."
        ))
        .at(span)
        .related(first_use(pointer.clone(), Some(first), lang))
    });
}

fn report_repeats(ctx: &mut Context, section: &'static str, items: &[(usize, Option<&str>)]) {
    let mut seen: foldhash::HashMap<&str, usize> =
        foldhash::HashMap::with_capacity_and_hasher(items.len(), Default::default());
    for (index, id) in items {
        let Some(id) = id else { continue };
        let Some(first) = seen.get(id).copied() else {
            seen.insert(id, *index);
            continue;
        };
        let lang = ctx.lang;
        let shown = text::printable(id);
        let at = |i: usize| Pointer::root().key(section).index(i).key("id");
        let n = first + 1;
        let owner = match (lang, section) {
            (Lang::Vi, "units") => format!("đơn vị thứ {n}"),
            (Lang::Vi, "objectives") => format!("mục tiêu thứ {n}"),
            (Lang::Vi, _) => format!("nhiệm vụ thứ {n}"),
            (Lang::En, "units") => format!("unit #{n}"),
            (Lang::En, "objectives") => format!("objective #{n}"),
            (Lang::En, _) => format!("task #{n}"),
        };
        ctx.report(|| {
            Diagnostic::new(
                at(*index),
                Part::Value,
                tr!(
                    lang,
                    "Mã `{shown}` đã được dùng cho {owner}",
                    "Id `{shown}` is already used by {owner}"
                ),
            )
            .help(tr!(
                lang,
                "Đặt một mã khác chưa dùng, ví dụ thêm hậu tố `{shown}.2`.",
                "Choose an id not used yet, e.g. `{shown}.2`."
            ))
            .related(first_use(at(first), None, lang))
        });
    }
}
