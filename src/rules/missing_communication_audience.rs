//! D003 missing-communication-audience: a required audience no communication task reaches.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::location::{Part, Pointer};
use crate::i18n::Text;
use crate::rules::{Check, Context, Docs, Family, Rule};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "D003",
    name: "missing-communication-audience",
    family: Family::Directive,
    severity: Severity::Error,
    check: Check::Plan(check),
    docs: Docs {
        what: Text {
            vi: "Một đối tượng mà văn bản chỉ đạo yêu cầu tuyên truyền (`staff`, `citizens`, `businesses`) không được nhiệm vụ `kind: communication` nào hướng tới (`audience`); mỗi đối tượng một thông báo.",
            en: "An audience the profile requires (`staff`, `citizens`, `businesses`) is reached by no `kind: communication` task (`audience`); one per audience.",
        },
        why: Text {
            vi: "7946/UBND-NCPC: \"Tuyên truyền, phổ biến, quán triệt … đến toàn thể cán bộ, công chức, viên chức …; đồng thời thường xuyên thông tin, tuyên truyền đến người dân, doanh nghiệp và toàn xã hội\".",
            en: "7946/UBND-NCPC: communicate to all staff, and regularly to citizens, businesses and society.",
        },
        bad: "  - id: NV3\n    kind: communication\n    audience: [staff]\n",
        good: "  - id: NV3\n    kind: communication\n    audience: [staff, citizens, businesses]\n",
        fix: Text {
            vi: "Thêm đối tượng còn thiếu vào `audience:` của một nhiệm vụ tuyên truyền, hoặc thêm nhiệm vụ tuyên truyền mới.",
            en: "Add the missing audience to a communication task's `audience:`, or add a communication task.",
        },
    },
};

fn check(ctx: &mut Context) {
    let Some(tasks) = ctx.task_section() else {
        return;
    };
    let lang = ctx.lang;
    for code in &ctx.profile.required_audiences {
        let reached = tasks
            .iter()
            .filter(|t| t.kind.as_deref() == Some("communication"))
            .any(|t| t.audience.iter().any(|(_, a)| a == code));
        if reached {
            continue;
        }
        let item = ctx.profile.audiences.iter().find(|a| &a.code == code);
        let name = item.map_or(code.as_str(), |a| match lang {
            Lang::Vi => a.vi.as_str(),
            Lang::En => a.en.as_str(),
        });
        ctx.report(|| {
            Diagnostic::new(Pointer::keys(&["tasks"]),
                Part::Key,
                tr!(
                    lang,
                    "Chưa có nhiệm vụ tuyên truyền nào hướng tới {name} (`{code}`)",
                    "No communication task reaches {name} (`{code}`)"
                ),
            )
            .help(tr!(
                lang,
                "Thêm `{code}` vào `audience:` của một nhiệm vụ `kind: communication`.",
                "Add `{code}` to the `audience:` of a `kind: communication` task."
            ))
            .table_help(tr!(lang, "Thêm một nhiệm vụ tuyên truyền (`Tuyên truyền …` trong nội dung, hoặc `Tuyên truyền` ở cột `Loại nhiệm vụ`) có `{name}` trong nội dung hoặc ở cột `Đối tượng`.", "Add a communication task (`Tuyên truyền …` in its title, or `Tuyên truyền` in the `Loại nhiệm vụ` column) naming `{name}` in its title or the `Đối tượng` (audience) column."))
            .item(code.clone())
        });
    }
}
