//! Lowers the YAML tree into the typed plan, reporting every structural problem
//! of the file in one pass (P002 wrong shape or missing key, P003 unknown key)
//! instead of stopping at the first.

use crate::diagnostic::{Diagnostic, Lang, Sink};
use crate::load::deadline::{self, Date, Deadline};
use crate::load::model::*;
use crate::load::yaml::{Entry, Node, NodeKind, Part, escape_segment};
use crate::profile::Profile;
use crate::rules::{invalid_structure, unknown_key};
use crate::{text, tr};

/// Keys of each mapping of the format, and which of them are required.
const ROOT_KEYS: &[&str] = &[
    "version",
    "directive",
    "plan",
    "units",
    "objectives",
    "tasks",
    "resources",
    "exemptions",
];
const ROOT_REQUIRED: &[&str] = &["version", "plan", "units", "objectives", "tasks"];
const PLAN_KEYS: &[&str] = &[
    "agency",
    "number",
    "title",
    "issued",
    "period",
    "implements",
];
const PLAN_REQUIRED: &[&str] = &["agency", "number", "title", "issued", "period"];
const PERIOD_KEYS: &[&str] = &["from", "to"];
const UNIT_KEYS: &[&str] = &["id", "name"];
const OBJECTIVE_KEYS: &[&str] = &[
    "id",
    "area",
    "statement",
    "indicator",
    "unit",
    "baseline",
    "target",
    "milestones",
    "direction",
    "owner",
];
const OBJECTIVE_REQUIRED: &[&str] = &["id", "area", "statement"];
const YEAR_VALUE_KEYS: &[&str] = &["year", "value"];
const TASK_KEYS: &[&str] = &[
    "id",
    "area",
    "title",
    "objectives",
    "competitiveness",
    "focus",
    "kind",
    "audience",
    "output",
    "lead",
    "support",
    "due",
    "schedule",
    "budget_vnd",
];
const TASK_REQUIRED: &[&str] = &["id", "area", "title"];
const RESOURCES_KEYS: &[&str] = &["funding", "estimate_vnd", "notes"];
const EXEMPTIONS_KEYS: &[&str] = &["competitiveness", "areas"];

/// Reads the typed plan out of `root`, pushing P002/P003 diagnostics.
pub fn lower(root: &Node, profile: &Profile, lang: Lang, diags: &mut Sink) -> Plan {
    let mut l = Lowerer {
        profile,
        lang,
        diags,
        malformed: Vec::new(),
    };
    let mut plan = l.plan(root);
    for pointer in &l.malformed {
        plan.mark_malformed(pointer);
    }
    plan
}

/// Reads only the `directive:` key, to choose the profile before lowering.
pub fn directive<'n>(root: &'n Node<'_>) -> Option<&'n str> {
    root.get("directive")?
        .value
        .scalar()
        .filter(|s| !s.is_null())
        .map(|s| s.text.trim())
}

struct Lowerer<'a, 'd> {
    profile: &'a Profile,
    lang: Lang,
    diags: &'d mut Sink,
    /// Pointers of the values reported as having the wrong shape.
    malformed: Vec<String>,
}

/// The entries of a mapping that passed its key checks, with its pointer.
struct Fields<'n, 't> {
    /// The format's keys for this mapping, and the value found for each (same order).
    keys: &'static [&'static str],
    values: [Option<&'n Node<'t>>; MAX_KEYS],
    pointer: String,
}

/// The most keys one mapping of the format has (`tasks` items: 14).
const MAX_KEYS: usize = 16;
const _: () = {
    let lists: [&[&str]; 9] = [
        ROOT_KEYS,
        PLAN_KEYS,
        PERIOD_KEYS,
        UNIT_KEYS,
        OBJECTIVE_KEYS,
        YEAR_VALUE_KEYS,
        TASK_KEYS,
        RESOURCES_KEYS,
        EXEMPTIONS_KEYS,
    ];
    let mut i = 0;
    while i < lists.len() {
        assert!(
            lists[i].len() <= MAX_KEYS,
            "a key list is longer than MAX_KEYS"
        );
        i += 1;
    }
};

impl<'n, 't> Fields<'n, 't> {
    fn get(&self, key: &str) -> Option<&'n Node<'t>> {
        self.keys
            .iter()
            .position(|k| *k == key)
            .and_then(|i| self.values[i])
    }

    fn pointer(&self, key: &str) -> String {
        format!("{}/{}", self.pointer, escape_segment(key))
    }
}

fn kind_name(kind: NodeKind, lang: Lang) -> &'static str {
    match (lang, kind) {
        (Lang::Vi, NodeKind::Mapping) => "một nhóm khóa–giá trị (mapping)",
        (Lang::Vi, NodeKind::List) => "một danh sách",
        (Lang::Vi, NodeKind::Text) => "văn bản",
        (Lang::Vi, NodeKind::Number) => "một số",
        (Lang::Vi, NodeKind::Empty) => "giá trị trống",
        (Lang::En, NodeKind::Mapping) => "a mapping",
        (Lang::En, NodeKind::List) => "a list",
        (Lang::En, NodeKind::Text) => "text",
        (Lang::En, NodeKind::Number) => "a number",
        (Lang::En, NodeKind::Empty) => "an empty value",
    }
}

/// How a place is named in messages: its key (`lead`), or for a list item its
/// list and position, counted from 1 as officers count (`units #2`).
fn field_label(pointer: &str) -> String {
    let mut segments = pointer.rsplit('/');
    let last = segments.next().unwrap_or(pointer);
    match (last.parse::<usize>(), segments.next()) {
        (Ok(i), Some(parent)) if !parent.is_empty() => format!(
            "{} #{}",
            parent.replace("~1", "/").replace("~0", "~"),
            i + 1
        ),
        _ => last.replace("~1", "/").replace("~0", "~"),
    }
}

impl Lowerer<'_, '_> {
    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn wrong_shape(&mut self, pointer: &str, node: &Node, expected: NodeKind) {
        self.malformed.push(pointer.to_owned());
        if self.diags.saturated(&invalid_structure::RULE) {
            return;
        }
        let lang = self.lang;
        let key = field_label(pointer);
        let want = kind_name(expected, lang);
        let found = kind_name(node.kind(), lang);
        let help = match expected {
            NodeKind::List => tr!(
                lang,
                "Viết dạng danh sách, ví dụ `{key}: [A, B]` hoặc mỗi phần tử một dòng bắt đầu bằng `- `.",
                "Write a list, e.g. `{key}: [A, B]`, or one item per line starting with `- `."
            ),
            NodeKind::Mapping => tr!(
                lang,
                "Viết các cặp `khóa: giá trị` thụt lề dưới `{key}:` theo mẫu trong PLAN-FORMAT.md.",
                "Write `key: value` pairs indented under `{key}:` as PLAN-FORMAT.md shows."
            ),
            NodeKind::Number => tr!(
                lang,
                "Viết một số không kèm đơn vị hay dấu ngoặc kép, ví dụ `90`.",
                "Write a plain number without a unit or quotes, e.g. `90`."
            ),
            _ => tr!(
                lang,
                "Viết một giá trị văn bản trên cùng dòng với `{key}:`.",
                "Write a text value on the same line as `{key}:`."
            ),
        };
        self.push(
            Diagnostic::new(
                &invalid_structure::RULE,
                pointer,
                Part::Value,
                tr!(
                    lang,
                    "`{key}` phải là {want}, nhưng đang là {found}",
                    "`{key}` must be {want}, found {found}"
                ),
            )
            .help(help),
        );
    }

    fn missing(&mut self, pointer: &str, key: &str) {
        if self.diags.saturated(&invalid_structure::RULE) {
            return;
        }
        let lang = self.lang;
        let (message, help) = if pointer.is_empty() {
            (
                tr!(
                    lang,
                    "Kế hoạch thiếu phần `{key}:`",
                    "The plan has no `{key}:` section"
                ),
                tr!(
                    lang,
                    "Thêm phần `{key}:` ở cấp ngoài cùng của tệp, theo mẫu trong PLAN-FORMAT.md.",
                    "Add a top-level `{key}:` section as PLAN-FORMAT.md shows."
                ),
            )
        } else {
            let within = field_label(pointer);
            (
                tr!(
                    lang,
                    "Thiếu khóa bắt buộc `{key}` trong `{within}`",
                    "Required key `{key}` is missing from `{within}`"
                ),
                tr!(
                    lang,
                    "Thêm dòng `{key}: …` vào mục này.",
                    "Add a `{key}: …` line to this entry."
                ),
            )
        };
        self.push(
            Diagnostic::new(&invalid_structure::RULE, pointer, Part::Start, message).help(help),
        );
    }

    /// Checks that `node` is a mapping with only `keys` and all of `required`.
    fn mapping<'n, 't>(
        &mut self,
        node: &'n Node<'t>,
        pointer: &str,
        keys: &'static [&'static str],
        required: &[&str],
    ) -> Option<Fields<'n, 't>> {
        let Some(entries) = node.entries() else {
            self.wrong_shape(pointer, node, NodeKind::Mapping);
            return None;
        };
        let lang = self.lang;
        let mut values = [None; MAX_KEYS];
        for e in entries {
            let Some(k) = e.key.scalar() else {
                self.push(
                    Diagnostic::new(
                        &invalid_structure::RULE,
                        pointer,
                        Part::Start,
                        tr!(
                            lang,
                            "Khóa phải là một từ, không phải danh sách hay mapping",
                            "A key must be a word, not a list or a mapping"
                        ),
                    )
                    .at(e.key.span),
                );
                continue;
            };
            if let Some(i) = keys.iter().position(|key| *key == &*k.text) {
                values[i] = Some(&e.value);
                continue;
            }
            if self.diags.saturated(&unknown_key::RULE) {
                continue;
            }
            let name = text::printable(&k.text).into_owned();
            let mut d = Diagnostic::new(
                &unknown_key::RULE,
                format!("{pointer}/{}", escape_segment(&k.text)),
                Part::Key,
                tr!(
                    lang,
                    "Khóa `{name}` không có trong định dạng kế hoạch",
                    "Unknown key `{name}`"
                ),
            );
            let allowed = keys.join(", ");
            d = match text::closest(&k.text, keys.iter().map(|k| (*k, *k))) {
                Some(s) => d.help(tr!(lang, "Có phải ý bạn là `{s}`?", "Did you mean `{s}`?")),
                None => d.help(tr!(
                    lang,
                    "Các khóa hợp lệ ở đây: {allowed}.",
                    "Valid keys here: {allowed}."
                )),
            };
            self.push(d);
        }
        for key in required {
            if keys
                .iter()
                .position(|k| k == key)
                .and_then(|i| values[i])
                .is_none()
            {
                self.missing(pointer, key);
            }
        }
        Some(Fields {
            keys,
            values,
            pointer: pointer.to_owned(),
        })
    }

    /// The entries of a mapping whose keys are data (years, codes), not format keys.
    fn entries<'n, 't>(&mut self, node: &'n Node<'t>, pointer: &str) -> Option<&'n [Entry<'t>]> {
        if node.entries().is_none() {
            self.wrong_shape(pointer, node, NodeKind::Mapping);
        }
        node.entries()
    }

    /// A text value; `None` when absent or empty. Collections are P002.
    fn text(&mut self, f: &Fields, key: &str) -> Option<String> {
        let node = f.get(key)?;
        match node.scalar() {
            Some(s) if s.is_null() => None,
            Some(s) => Some(s.text.trim().to_owned()),
            None => {
                self.wrong_shape(&f.pointer(key), node, NodeKind::Text);
                None
            }
        }
    }

    /// A required text value: present-but-empty is P002 too.
    fn required_text(&mut self, f: &Fields, key: &str) -> Option<String> {
        let value = self.text(f, key);
        if let Some(node) = f.get(key)
            && node.scalar().is_some()
            && value.as_deref().is_none_or(str::is_empty)
        {
            let lang = self.lang;
            self.push(
                Diagnostic::new(
                    &invalid_structure::RULE,
                    f.pointer(key),
                    Part::Value,
                    tr!(lang, "`{key}` đang để trống", "`{key}` is empty"),
                )
                .help(tr!(
                    lang,
                    "Ghi nội dung cho `{key}`.",
                    "Give `{key}` a value."
                )),
            );
        }
        value
    }

    /// An id: one word of letters, digits, `_`, `.` and `-`, in NFC.
    fn id(&mut self, f: &Fields) -> Option<String> {
        let raw = self.required_text(f, "id")?;
        let id: String = text::nfc(&raw).into_owned();
        if id.is_empty() {
            return None;
        }
        if !id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'))
        {
            let lang = self.lang;
            let shown = text::printable(&raw).into_owned();
            self.push(
                Diagnostic::new(
                    &invalid_structure::RULE,
                    f.pointer("id"),
                    Part::Value,
                    tr!(lang, "Mã `{shown}` không hợp lệ: mã phải là một từ", "Id `{shown}` is not valid: an id is one word"),
                )
                .help(tr!(lang, "Chỉ dùng chữ, số và các dấu `_`, `.`, `-`, không có khoảng trắng (ví dụ `NV1.2`, `TĐC`).", "Use only letters, digits, `_`, `.` and `-`, no spaces (e.g. `NV1.2`, `TĐC`).")),
            );
        }
        Some(id)
    }

    /// A list of strings; absent or empty is an empty list; items keep their index.
    fn list(&mut self, f: &Fields, key: &str) -> Listed {
        let Some(node) = f.get(key) else {
            return Vec::new();
        };
        if node.is_null() {
            return Vec::new();
        }
        let Some(items) = node.items() else {
            self.wrong_shape(&f.pointer(key), node, NodeKind::List);
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            match item.scalar() {
                Some(s) if s.is_null() => {}
                Some(s) => out.push((i, text::nfc(s.text.trim()).into_owned())),
                None => self.wrong_shape(&format!("{}/{i}", f.pointer(key)), item, NodeKind::Text),
            }
        }
        out
    }

    /// A number, P002 when something else is written.
    fn number(&mut self, f: &Fields, key: &str) -> Option<f64> {
        let node = f.get(key)?;
        if node.is_null() {
            return None;
        }
        let n = node.scalar().and_then(|s| s.as_number());
        if n.is_none() {
            self.wrong_shape(&f.pointer(key), node, NodeKind::Number);
        }
        n
    }

    /// A year field: `Err(raw)` when it is not a year (P009 reports it).
    fn year(&mut self, f: &Fields, key: &str) -> Option<Parsed<i32>> {
        let raw = self.text(f, key)?;
        Some(deadline::year(&raw).ok_or(raw))
    }

    fn plan(&mut self, root: &Node) -> Plan {
        let mut plan = Plan::default();
        let Some(f) = self.mapping(root, "", ROOT_KEYS, ROOT_REQUIRED) else {
            return plan;
        };
        if let Some(v) = f.get("version") {
            let ok = v.scalar().and_then(|s| s.as_integer()) == Some(1);
            if !ok {
                let lang = self.lang;
                self.push(
                    Diagnostic::new(
                        &invalid_structure::RULE,
                        "/version",
                        Part::Value,
                        tr!(
                            lang,
                            "Phiên bản định dạng không được hỗ trợ",
                            "Unsupported format version"
                        ),
                    )
                    .help(tr!(
                        lang,
                        "Ghi `version: 1`: đây là phiên bản định dạng duy nhất.",
                        "Write `version: 1`, the only format version."
                    )),
                );
            }
        }
        plan.directive = self.text(&f, "directive");
        plan.info = f.get("plan").and_then(|n| self.info(n));
        plan.units = self.section(&f, "units", |l, n, p, i| l.unit(n, p, i));
        plan.objectives = self.section(&f, "objectives", |l, n, p, i| l.objective(n, p, i));
        plan.tasks = self.section(&f, "tasks", |l, n, p, i| l.task(n, p, i));
        plan.resources = f.get("resources").map(|n| self.resources(n));
        plan.exemptions = f.get("exemptions").map(|n| self.exemptions(n));
        plan
    }

    /// A top-level list of mappings; `None` when missing or not a list.
    fn section<T>(
        &mut self,
        f: &Fields,
        key: &str,
        item: impl Fn(&mut Self, &Node, &str, usize) -> Option<T>,
    ) -> Option<Vec<T>> {
        let node = f.get(key)?;
        if node.is_null() {
            return Some(Vec::new());
        }
        let Some(items) = node.items() else {
            self.wrong_shape(&f.pointer(key), node, NodeKind::List);
            return None;
        };
        Some(
            items
                .iter()
                .enumerate()
                .filter_map(|(i, n)| item(self, n, &format!("/{key}/{i}"), i))
                .collect(),
        )
    }

    fn info(&mut self, node: &Node) -> Option<Info> {
        let f = self.mapping(node, "/plan", PLAN_KEYS, PLAN_REQUIRED)?;
        let issued = self
            .required_text(&f, "issued")
            .map(|raw| Date::parse(&raw).ok_or(raw));
        let period = f.get("period").and_then(|n| {
            let p = self.mapping(n, "/plan/period", PERIOD_KEYS, PERIOD_KEYS)?;
            Some(Period {
                from: self.year(&p, "from"),
                to: self.year(&p, "to"),
            })
        });
        let implements = f.get("implements").map(|_| self.list(&f, "implements"));
        Some(Info {
            agency: self.required_text(&f, "agency"),
            number: self.required_text(&f, "number"),
            title: self.required_text(&f, "title"),
            issued,
            period,
            implements,
        })
    }

    fn unit(&mut self, node: &Node, pointer: &str, index: usize) -> Option<Unit> {
        let f = self.mapping(node, pointer, UNIT_KEYS, UNIT_KEYS)?;
        Some(Unit {
            index,
            id: self.id(&f),
            name: self.required_text(&f, "name"),
        })
    }

    fn year_value(&mut self, f: &Fields, key: &str, required: &[&str]) -> Option<YearValue> {
        let node = f.get(key)?;
        let g = self.mapping(node, &f.pointer(key), YEAR_VALUE_KEYS, required)?;
        let value = g.get("value").map(|n| match n.scalar() {
            Some(s) => s
                .as_number()
                .map_or_else(|| Amount::NotANumber(s.text.to_string()), Amount::Number),
            None => {
                self.wrong_shape(&g.pointer("value"), n, NodeKind::Number);
                Amount::NotANumber(String::new())
            }
        });
        Some(YearValue {
            year: self.year(&g, "year"),
            value,
        })
    }

    fn objective(&mut self, node: &Node, pointer: &str, index: usize) -> Option<Objective> {
        let f = self.mapping(node, pointer, OBJECTIVE_KEYS, OBJECTIVE_REQUIRED)?;
        let baseline = self.year_value(&f, "baseline", YEAR_VALUE_KEYS);
        let target = self.year_value(&f, "target", &["year"]);
        let milestones = f.get("milestones").and_then(|n| {
            let entries = self.entries(n, &f.pointer("milestones"))?;
            Some(
                entries
                    .iter()
                    .filter_map(|e| {
                        let key = e.key.scalar()?.text.to_string();
                        let value = if e.value.is_null() {
                            None
                        } else {
                            let v = e.value.scalar().and_then(|s| s.as_number());
                            if v.is_none() {
                                self.wrong_shape(
                                    &format!(
                                        "{}/{}",
                                        f.pointer("milestones"),
                                        escape_segment(&key)
                                    ),
                                    &e.value,
                                    NodeKind::Number,
                                );
                            }
                            v
                        };
                        Some(Milestone {
                            year: deadline::year(&key).ok_or_else(|| key.clone()),
                            key,
                            value,
                        })
                    })
                    .collect(),
            )
        });
        Some(Objective {
            index,
            id: self.id(&f),
            area: self.required_text(&f, "area"),
            statement: self.required_text(&f, "statement"),
            indicator: self.text(&f, "indicator"),
            unit: self.text(&f, "unit"),
            baseline,
            target,
            milestones,
            direction: self.text(&f, "direction"),
            owner: self.text(&f, "owner").map(|s| text::nfc(&s).into_owned()),
        })
    }

    fn task(&mut self, node: &Node, pointer: &str, index: usize) -> Option<Task> {
        let f = self.mapping(node, pointer, TASK_KEYS, TASK_REQUIRED)?;
        let lead = f.get("lead").and_then(|n| match &n.value {
            _ if n.is_null() => Some(Lead::Empty),
            crate::load::yaml::Value::Scalar(s) => {
                Some(Lead::One(text::nfc(s.text.trim()).into_owned()))
            }
            crate::load::yaml::Value::Seq(_) => Some(Lead::Many(self.list(&f, "lead"))),
            crate::load::yaml::Value::Map(_) => {
                self.wrong_shape(&f.pointer("lead"), n, NodeKind::Text);
                None
            }
        });
        let output = f
            .get("output")
            .map(|_| self.text(&f, "output").unwrap_or_default());
        let profile = self.profile;
        let due = self
            .text(&f, "due")
            .map(|raw| Deadline::parse(&raw, profile).ok_or(raw));
        let schedule = f.get("schedule").and_then(|n| {
            if n.is_null() {
                return Some(Vec::new());
            }
            let entries = self.entries(n, &f.pointer("schedule"))?;
            Some(
                entries
                    .iter()
                    .filter_map(|e| {
                        let key = e.key.scalar()?.text.to_string();
                        if e.value.scalar().is_none() {
                            self.wrong_shape(
                                &format!("{}/{}", f.pointer("schedule"), escape_segment(&key)),
                                &e.value,
                                NodeKind::Text,
                            );
                        }
                        Some(ScheduleYear {
                            year: deadline::year(&key).ok_or_else(|| key.clone()),
                            key,
                        })
                    })
                    .collect(),
            )
        });
        self.number(&f, "budget_vnd");
        Some(Task {
            index,
            id: self.id(&f),
            area: self.required_text(&f, "area"),
            title: self.required_text(&f, "title"),
            objectives: self.list(&f, "objectives"),
            competitiveness: self.list(&f, "competitiveness"),
            focus: self.list(&f, "focus"),
            kind: self.text(&f, "kind"),
            audience: self.list(&f, "audience"),
            output,
            lead,
            support: self.list(&f, "support"),
            due,
            schedule,
        })
    }

    fn resources(&mut self, node: &Node) -> Resources {
        if node.is_null() {
            return Resources::default();
        }
        let Some(f) = self.mapping(node, "/resources", RESOURCES_KEYS, &[]) else {
            return Resources::default();
        };
        self.number(&f, "estimate_vnd");
        self.text(&f, "notes");
        Resources {
            funding: self.list(&f, "funding"),
        }
    }

    fn exemptions(&mut self, node: &Node) -> Exemptions {
        let mut out = Exemptions::default();
        if node.is_null() {
            return out;
        }
        let Some(f) = self.mapping(node, "/exemptions", EXEMPTIONS_KEYS, &[]) else {
            return out;
        };
        out.areas_key = f.get("areas").is_some();
        if let Some(n) = f.get("competitiveness").filter(|n| !n.is_null())
            && let Some(entries) = self.entries(n, "/exemptions/competitiveness")
        {
            for e in entries {
                let Some(code) = e.key.scalar() else { continue };
                let reason = match e.value.scalar() {
                    Some(s) if s.is_null() => String::new(),
                    Some(s) => s.text.trim().to_owned(),
                    None => {
                        let p =
                            format!("/exemptions/competitiveness/{}", escape_segment(&code.text));
                        self.wrong_shape(&p, &e.value, NodeKind::Text);
                        continue;
                    }
                };
                out.competitiveness.push(Exemption {
                    code: code.text.to_string(),
                    reason,
                });
            }
        }
        out
    }
}
