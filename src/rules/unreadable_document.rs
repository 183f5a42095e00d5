//! T001 unreadable-document: a `.docx`/`.xlsx` that cannot be opened, or that breaks a limit.

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{Lang, Text};
use crate::rules::{Check, Docs, Family, Rule, Sink};
use crate::source::office::{Limit, Unopenable, archive};
use crate::tr;

pub static RULE: Rule = Rule {
    code: "T001",
    name: "unreadable-document",
    family: Family::Tables,
    severity: Severity::Error,
    check: Check::Input,
    docs: Docs {
        what: Text {
            vi: "Tệp `.docx`/`.xlsx` không mở được: hỏng, có mật khẩu, là tệp `.doc`/`.xls` cũ đổi tên, hoặc vượt giới hạn (64 MiB mỗi tệp, 256 MiB khi giải nén, tỉ lệ nén quá 100 lần, có khai báo DTD/thực thể, quá 100.000 dòng hoặc 1.000 cột). Không quy tắc nào khác chạy trên tệp này; các tệp khác vẫn được kiểm tra.",
            en: "A `.docx`/`.xlsx` cannot be opened: corrupt, password-protected, a legacy `.doc`/`.xls` renamed, or over a limit (64 MiB per file, 256 MiB inflated, a compression ratio over 100, a DTD or entity declaration, more than 100,000 rows or 1,000 columns). No other rule runs on it; the other files are still checked.",
        },
        why: Text {
            vi: "Một kế hoạch không đọc được là một kế hoạch chưa được kiểm tra; tệp lạ không được làm treo hay làm đầy bộ nhớ của máy kiểm tra.",
            en: "A plan that cannot be read is a plan that was not checked; an odd file must not hang the checker or fill its memory.",
        },
        bad: "$ cchc check ke-hoach-cu.docx   # a .doc saved under a .docx name",
        good: "$ cchc check ke-hoach.docx      # saved again by Word as .docx",
        fix: Text {
            vi: "Mở bằng Word/Excel và lưu lại dưới dạng .docx/.xlsx (không đặt mật khẩu).",
            en: "Open it in Word/Excel and save it again as .docx/.xlsx (without a password).",
        },
    },
};

/// T001 for a document that could not be read.
pub fn report(sink: &mut Sink, why: &Unopenable, lang: Lang) {
    let mib = |b: u64| b / (1024 * 1024);
    let reason = match why {
        Unopenable::NotAnArchive => tr!(
            lang,
            "tệp không phải văn bản Word/Excel mới (.docx/.xlsx là tệp nén zip); có thể là tệp .doc/.xls cũ đổi tên hoặc tệp hỏng",
            "the file is not a modern Word/Excel document (.docx/.xlsx are zip archives); it may be a legacy .doc/.xls renamed, or corrupt"
        ),
        Unopenable::Encrypted => tr!(
            lang,
            "tệp có mật khẩu hoặc là tệp .doc/.xls cũ",
            "the file is password-protected, or a legacy .doc/.xls"
        ),
        Unopenable::MissingPart(part) => tr!(
            lang,
            "tệp nén thiếu phần `{part}` của một văn bản",
            "the archive lacks the document part `{part}`"
        ),
        Unopenable::Limit(Limit::Uncompressed(n)) => tr!(
            lang,
            "khi giải nén, tệp lớn hơn {} MiB (ít nhất {} MiB)",
            "inflated, the file is larger than {} MiB (at least {} MiB)",
            mib(archive::MAX_UNCOMPRESSED),
            mib(*n)
        ),
        Unopenable::Limit(Limit::Ratio { member, ratio }) => tr!(
            lang,
            "phần `{member}` nén {ratio} lần, quá giới hạn {} lần (dấu hiệu tệp \"bom nén\")",
            "the part `{member}` is compressed {ratio} times, over the limit of {} (a sign of a zip bomb)",
            archive::MAX_RATIO
        ),
        Unopenable::Limit(Limit::Rows(n)) => tr!(
            lang,
            "bảng có quá nhiều dòng hoặc ô (ít nhất {n} dòng; giới hạn 100.000 dòng)",
            "a table has too many rows or cells (at least {n} rows; the limit is 100,000)"
        ),
        Unopenable::Limit(Limit::Columns(n)) => tr!(
            lang,
            "bảng có quá nhiều cột ({n}; giới hạn 1.000)",
            "a table has too many columns ({n}; the limit is 1,000)"
        ),
        Unopenable::Dtd(part) => tr!(
            lang,
            "phần `{part}` khai báo DTD hoặc thực thể XML, không được phép trong văn bản",
            "the part `{part}` declares a DTD or XML entities, which a document must not"
        ),
        Unopenable::Malformed(e) => tr!(
            lang,
            "nội dung hỏng: {e}",
            "its content is corrupt: {e}"
        ),
    };
    sink.report(&RULE, || {
        Diagnostic::document(tr!(
            lang,
            "Không đọc được văn bản: {reason}",
            "Cannot read the document: {reason}"
        ))
        .help(tr!(
            lang,
            "mở bằng Word/Excel và lưu lại dưới dạng .docx/.xlsx",
            "open it in Word/Excel and save it again as .docx/.xlsx"
        ))
    });
}
