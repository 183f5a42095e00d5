//! `cchc init`: a plan skeleton for a profile, with bilingual comments. Every
//! blank in it is something `cchc check` reports, so the diagnostics of a fresh
//! skeleton are the officer's to-do list.

pub mod workbook;

use std::fmt::Write;

use crate::profile::{Activity, Profile, YearRange};

/// Writes the skeleton text for `profile`, `agency` and `period`.
pub fn skeleton(profile: &Profile, agency: Option<&str>, period: YearRange) -> String {
    let (from, to) = (period.from, period.to);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# yaml-language-server: $schema=plan.schema.json\n\
         # Kế hoạch cải cách hành chính — khung do `cchc init` tạo theo văn bản chỉ đạo {id}.\n\
         # Điền các chỗ còn trống rồi chạy `cchc check` trên tệp này: mỗi thông báo là một việc còn phải làm.\n\
         # Plan skeleton written by `cchc init` for the profile {id}. Fill in the blanks, then run\n\
         # `cchc check` on this file: every diagnostic is something still to do.\n\
         # Dòng đầu giúp trình soạn thảo gợi ý và giải thích từng mục; tạo tệp đó bằng\n\
         # `cchc schema > plan.schema.json` / the first line gives editor help once that file exists.\n\
         version: 1\n\
         directive: {id}          # hồ sơ văn bản chỉ đạo / directive profile (`cchc profiles`)\n",
        id = profile.id
    );
    let agency = agency.map(yaml_text).unwrap_or_else(|| "\"\"".to_owned());
    let implements = profile.required_references.join(", ");
    // A plan is signed before its period starts, or early in its first year.
    let signed = from - 1;
    let _ = writeln!(
        s,
        "plan:\n\
         \x20 agency: {agency}          # cơ quan ban hành / issuing agency\n\
         \x20 number: \"\"                # số hiệu văn bản, ví dụ 245/KH-STP / document number\n\
         \x20 title: Kế hoạch cải cách hành chính giai đoạn {from}–{to}\n\
         \x20 issued: \"\"                # ngày ký, ví dụ 15/12/{signed} / date signed, day first\n\
         \x20 period: {{from: {from}, to: {to}}}   # các năm kế hoạch thực hiện / years covered\n\
         \x20 implements: [{implements}]   # văn bản kế hoạch thực hiện / documents implemented\n"
    );
    s.push_str(
        "# Các phòng, đơn vị được giao trách nhiệm; mã (id) là một từ, ví dụ VP, TCCB.\n\
         # The units that carry responsibility; an id is one word.\n\
         units:\n\
         \x20 - {id: VP, name: Văn phòng}\n\n",
    );
    s.push_str(
        "# Mục tiêu định lượng: mỗi nội dung CCHC ít nhất một mục tiêu, `target.value` là một con số,\n\
         # `milestones` ghi giá trị dự kiến của từng năm. / Quantified objectives: a numeric target\n\
         # and a milestone for every roadmap year.\n\
         objectives:\n",
    );
    for (i, area) in profile.required_areas().enumerate() {
        let _ = writeln!(
            s,
            "  - id: MT{n}\n    area: {code}          # {vi}\n    statement: \"\"       # mục tiêu, ví dụ \"100% …\" / the objective\n    unit: \"%\"\n    target: {{year: {to}, value: }}   # một con số / a number\n    milestones: {{}}       # ví dụ {{{from}: 60, {next}: 80}} / e.g. year: value",
            n = i + 1,
            code = area.code,
            vi = area.vi,
            next = from + 1
        );
    }
    if let Some(indicator) = profile.satisfaction_indicator.as_deref() {
        let n = profile.required_areas().count() + 1;
        let _ = writeln!(
            s,
            "  - id: MT{n}\n    area: procedures\n    statement: Mức độ hài lòng của người dân, doanh nghiệp\n    indicator: {indicator}   # chỉ tiêu đo sự hài lòng / the satisfaction indicator\n    unit: \"%\"\n    target: {{year: {to}, value: }}\n    milestones: {{}}"
        );
    }
    let _ = write!(
        s,
        "\n# Nhiệm vụ: mỗi nhiệm vụ có sản phẩm đầu ra (output), đúng một đơn vị chủ trì (lead) và thời hạn (due)\n\
         # theo lộ trình từng năm. / Tasks: each with an output, one lead unit and a deadline.\n\
         # Thời hạn / deadlines: 30/6/{from}, Tháng 6/{from}, Quý II/{from}, 6 tháng đầu năm {from}, Năm {from},\n\
         # Giai đoạn {from}-{to} (kèm schedule), Hằng tháng, Hằng quý, Hằng năm, Quý I hằng năm.\n\
         # Mã nội dung năng lực cạnh tranh cấp tỉnh (competitiveness) / PCI items:\n"
    );
    for item in &profile.competitiveness {
        let _ = writeln!(s, "#   {:<20} {}", item.code, item.vi);
    }
    s.push_str("# Mã nhiệm vụ trọng tâm của Chỉ thị 23/CT-TTg (focus) / key tasks:\n");
    for item in &profile.key_tasks {
        let _ = writeln!(s, "#   {:<30} {}", item.code, item.vi);
    }
    s.push_str("tasks:\n");
    let mut n = 0;
    let mut task = |s: &mut String, body: &str| {
        n += 1;
        let _ = writeln!(s, "  - id: NV{n}\n{body}");
    };
    if profile.requires(Activity::Directive) {
        task(
            &mut s,
            "    area: direction\n    kind: directive       # ban hành văn bản chỉ đạo / directive documents\n    title: Ban hành kế hoạch CCHC hằng năm\n    output: Kế hoạch CCHC năm\n    lead: VP\n    due: hằng năm",
        );
    }
    if profile.requires(Activity::Briefing) {
        task(
            &mut s,
            "    area: direction\n    kind: briefing        # họp giao ban hằng tháng / monthly briefing\n    title: Đưa nội dung CCHC vào cuộc họp giao ban hằng tháng\n    output: Thông báo kết luận cuộc họp giao ban\n    lead: VP\n    due: hằng tháng",
        );
    }
    if !profile.required_audiences.is_empty() {
        let audiences = profile.required_audiences.join(", ");
        task(
            &mut s,
            &format!(
                "    area: direction\n    kind: communication   # tuyên truyền / communication\n    title: Tuyên truyền về CCHC\n    audience: [{audiences}]\n    output: Tin, bài tuyên truyền về CCHC\n    lead: VP\n    due: hằng quý"
            ),
        );
    }
    for area in profile.required_areas() {
        task(
            &mut s,
            &format!(
                "    area: {code}          # {vi}\n    title: \"\"           # nội dung nhiệm vụ, ví dụ: {example}\n    competitiveness: []   # mã năng lực cạnh tranh cấp tỉnh / PCI codes (`cchc explain C002`)\n    focus: []             # nhiệm vụ trọng tâm 23/CT-TTg / key tasks (`cchc explain D006`)\n    output:               # sản phẩm đầu ra: báo cáo, quyết định… / output product\n    lead:                 # mã đơn vị chủ trì / lead unit id\n    due:                  # thời hạn / deadline",
                code = area.code,
                vi = area.vi,
                example = area.example_vi
            ),
        );
    }
    s.push_str(
        "\n# Nguồn lực / resources: state_budget, regular_budget, socialized, other.\n\
         resources:\n\
         \x20 funding: []\n\
         \x20 notes: \"\"\n\n\
         # Nội dung năng lực cạnh tranh không áp dụng, kèm lý do / competitiveness items not applicable, with a reason:\n\
         # exemptions:\n\
         #   competitiveness:\n\
         #     land_access: Cơ quan không quản lý lĩnh vực đất đai\n",
    );
    s
}

/// A value written as YAML text, quoted when plain style would misread it.
fn yaml_text(s: &str) -> String {
    let plain = !s.is_empty()
        && !s.starts_with(|c: char| "-?:,[]{}#&*!|>'\"%@` ".contains(c))
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.ends_with(' ');
    if plain {
        s.to_owned()
    } else {
        serde_json::to_string(s).unwrap_or_default()
    }
}

/// Reads `--period FROM-TO`.
pub fn parse_period(s: &str) -> Option<YearRange> {
    let (a, b) = s.split_once(['-', '–'])?;
    let (from, to) = (
        crate::model::deadline::year(a)?,
        crate::model::deadline::year(b)?,
    );
    (from <= to).then_some(YearRange { from, to })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::{Options, check_bytes};

    #[test]
    fn a_fresh_skeleton_is_well_formed_and_its_diagnostics_are_the_to_do_list() {
        let p = crate::profile::default_profile();
        let text = skeleton(
            p,
            Some("Sở Y tế: thử"),
            YearRange {
                from: 2022,
                to: 2025,
            },
        );
        let report = check_bytes("k.yaml", text.as_bytes(), false, &Options::default());
        let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code()).collect();
        for absent in [
            "P001", "P003", "P005", "P006", "C001", "D001", "D002", "D003", "D005", "D007",
        ] {
            assert!(!codes.contains(&absent), "{absent} in {codes:?}");
        }
        for todo in [
            "P002", "Q001", "O001", "U001", "M004", "C002", "D006", "D004",
        ] {
            assert!(codes.contains(&todo), "{todo} missing from {codes:?}");
        }
    }
}
