#!/usr/bin/env python3
"""Writes the text sources of the office examples from a YAML plan: a Word plan as HTML
(Decree 30 layout: header block, title, Căn cứ, sections, an objectives table, the appendix
task table with group rows per area) and an Excel plan as a flat ODF spreadsheet (.fods:
sheets Thông tin, Đơn vị, Mục tiêu, Nhiệm vụ, Miễn trừ). LibreOffice then saves them as
.docx/.xlsx (scripts/office-examples), so the committed documents are an office suite's XML.

usage: office-fixtures.py PLAN.yaml PROFILE.yaml OUT-BASENAME [MISTAKE]

MISTAKE makes one typical office mistake: collective-lead, two-leads, no-area-group,
vague-output, text-date (a US-style date typed as text), no-number.
"""
import html
import sys

import yaml

plan_path, profile_path, out = sys.argv[1:4]
mistake = sys.argv[4] if len(sys.argv) > 4 else None
plan = yaml.safe_load(open(plan_path, encoding="utf-8"))
profile = yaml.safe_load(open(profile_path, encoding="utf-8"))
vi = {c: {i["code"]: i["vi"] for i in profile[c]} for c in
      ["areas", "competitiveness", "key_tasks", "audiences", "funding", "indicators"]}
units = {u["id"]: u["name"] for u in plan["units"]}
unit = lambda x: units.get(x, x)
area_name = lambda a: vi["areas"].get(a, a)
info = plan["plan"]
years = list(range(info["period"]["from"], info["period"]["to"] + 1))
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
KIND = {"directive": "Văn bản chỉ đạo", "briefing": "Giao ban", "communication": "Tuyên truyền",
        "inspection": "Kiểm tra", "survey": "Khảo sát", "report": "Báo cáo"}
DUE = {"annually": "Hằng năm"}
e = html.escape

by_id = {t["id"]: t for t in plan["tasks"]}
if mistake == "collective-lead":
    by_id["NV4"]["lead"] = "Các phòng chuyên môn"
elif mistake == "two-leads":
    by_id["NV2"]["lead"] = "Phòng Hành chính tư pháp, Văn phòng Sở"
elif mistake == "vague-output":
    by_id["NV5"]["output"] = "Tổ chức thực hiện"
elif mistake == "text-date":
    by_id["NV4"]["due"] = "6/30/2023 "


def areas_in_order():
    seen = []
    for t in plan["tasks"]:
        a = t["area"]
        code = next((c for c, n in vi["areas"].items() if n == a or c == a), a)
        if code not in seen:
            seen.append(code)
    return seen


def area_code(a):
    return next((c for c, n in vi["areas"].items() if n == a or c == a), a)


def task_cells(t):
    return {
        "title": t["title"],
        "output": t.get("output", ""),
        "lead": unit(t["lead"]) if isinstance(t.get("lead"), str) else "",
        "support": "\n".join(unit(s) for s in t.get("support", [])),
        "due": str(DUE.get(t.get("due"), t.get("due", ""))),
        "kind": KIND.get(t.get("kind"), ""),
        "audience": "\n".join(vi["audiences"].get(a, a) for a in t.get("audience", [])),
        "pci": "\n".join(vi["competitiveness"].get(c, c) for c in t.get("competitiveness", [])),
        "focus": "\n".join(vi["key_tasks"].get(c, c) for c in t.get("focus", [])),
        "schedule": {int(k): v for k, v in (t.get("schedule") or {}).items()},
    }


def objective_cells(o):
    return {
        "statement": o["statement"],
        "area": area_name(o["area"]),
        "indicator": vi["indicators"].get(o.get("indicator"), o.get("indicator", "")),
        "unit": o.get("unit", ""),
        "baseline": str(o["baseline"]["value"]).replace(".", ",") if "baseline" in o else "",
        "milestones": {int(k): v for k, v in (o.get("milestones") or {}).items()},
        "target": str(o["target"]["value"]).replace(".", ","),
        "direction": {"decrease": "giảm", "increase": "tăng"}.get(o.get("direction"), ""),
    }


def cell_html(text, tag="td", attrs=""):
    return f"<{tag}{attrs}>" + "<br>".join(e(line) for line in str(text).split("\n")) + f"</{tag}>"


def word():
    # A Word plan cannot exempt an item: the task that comes closest covers it instead.
    exempted = list(((plan.get("exemptions") or {}).get("competitiveness") or {}).keys())
    if exempted:
        first = next(t for t in plan["tasks"] if t.get("competitiveness"))
        first["competitiveness"] = first["competitiveness"] + exempted
    refs = info["implements"]
    p = []
    p.append('<table border="0" width="100%"><tr>'
             f'<td>UBND TỈNH BẮC KẠN<br><b>SỞ TƯ PHÁP</b><br>———<br>{"" if mistake == "no-number" else "Số: " + e(info["number"])}</td>'
             '<td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc<br>———<br>'
             'Bắc Kạn, ngày 10 tháng 12 năm 2021</td></tr></table>')
    p.append("<p><b>KẾ HOẠCH</b></p>")
    p.append(f"<p><b>Cải cách hành chính giai đoạn {years[0]} – {years[-1]} của Sở Tư pháp</b></p>")
    p.append("<p></p>")
    p.append(f"<p>Căn cứ Nghị quyết số {refs[0]} ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể "
             f"cải cách hành chính nhà nước giai đoạn 2021 – 2030; Chỉ thị số {refs[3]} ngày 02/9/2021 của "
             f"Thủ tướng Chính phủ; Nghị quyết số {refs[1]} của Tỉnh ủy;</p>")
    p.append(f"<p>Thực hiện Văn bản số {refs[2]} ngày 24/11/2021 của UBND tỉnh, Sở Tư pháp ban hành Kế hoạch "
             "như sau:</p>")
    p.append("<p><b>I. MỤC ĐÍCH, YÊU CẦU</b></p>")
    p.append("<p>1. Mục đích</p><p>- Triển khai đồng bộ, hiệu quả các nhiệm vụ cải cách hành chính.</p>")
    p.append("<p>2. Yêu cầu</p><p>- Nhiệm vụ có sản phẩm, thời hạn và đơn vị chủ trì cụ thể.</p>")
    p.append("<p><b>II. MỤC TIÊU</b></p>")
    p.append("<p>Các chỉ tiêu cụ thể của Kế hoạch tại bảng sau:</p>")
    head1 = ("<tr>" + "".join(cell_html(h, "th", ' rowspan="2"') for h in
             ["STT", "Mục tiêu", "Lĩnh vực", "Chỉ số", "Đơn vị tính", f"Cơ sở năm {years[0] - 1}"])
             + cell_html("Lộ trình", "th", f' colspan="{len(years)}"')
             + "".join(cell_html(h, "th", ' rowspan="2"') for h in [f"Mục tiêu đến năm {years[-1]}", "Xu hướng"])
             + "</tr>")
    head2 = "<tr>" + "".join(cell_html(str(y), "th") for y in years) + "</tr>"
    rows = []
    for i, o in enumerate(plan["objectives"], 1):
        c = objective_cells(o)
        rows.append("<tr>" + "".join(cell_html(x) for x in
                    [i, c["statement"], c["area"], c["indicator"], c["unit"], c["baseline"]]
                    + [str(c["milestones"].get(y, "")).replace(".", ",") for y in years]
                    + [c["target"], c["direction"]]) + "</tr>")
    p.append('<table border="1">' + head1 + head2 + "".join(rows) + "</table>")
    p.append("<p><b>III. NHIỆM VỤ, GIẢI PHÁP</b></p><p>Chi tiết tại Phụ lục kèm theo Kế hoạch này.</p>")
    p.append("<p><b>IV. KINH PHÍ THỰC HIỆN</b></p>")
    p.append("<p>Kinh phí thực hiện Kế hoạch được bố trí từ nguồn kinh phí chi thường xuyên hằng năm của Sở.</p>")
    p.append("<p><b>V. TỔ CHỨC THỰC HIỆN</b></p><p>Văn phòng Sở theo dõi, đôn đốc và báo cáo kết quả.</p>")
    p.append("<p><b>PHỤ LỤC: DANH MỤC NHIỆM VỤ</b></p>")
    if mistake != "no-number":
        p.append(f"<p>(Kèm theo Kế hoạch số {e(info['number'])} ngày 10/12/2021 của Sở Tư pháp)</p>")
    cols = ["STT", "Nội dung nhiệm vụ", "Loại nhiệm vụ", "Đối tượng", "Sản phẩm", "Đơn vị chủ trì",
            "Đơn vị phối hợp", "Thời gian hoàn thành"]
    tail = ["Chỉ số PCI", "Nhiệm vụ trọng tâm"]
    width = len(cols) + len(years) + len(tail)
    head1 = ("<tr>" + "".join(cell_html(h, "th", ' rowspan="2"') for h in cols)
             + cell_html("Lộ trình thực hiện", "th", f' colspan="{len(years)}"')
             + "".join(cell_html(h, "th", ' rowspan="2"') for h in tail) + "</tr>")
    head2 = "<tr>" + "".join(cell_html(str(y), "th") for y in years) + "</tr>"
    rows = []
    for gi, code in enumerate(areas_in_order()):
        if mistake == "no-area-group" and code == "public_finance":
            continue
        rows.append("<tr>" + cell_html(f"{ROMAN[gi]}. {area_name(code).upper()}", "td",
                                       f' colspan="{width}"').replace("<td", "<td><b").replace("</td>", "</b></td>", 1)
                    .replace("<td><b colspan", "<td colspan") + "</tr>")
        n = 0
        for t in plan["tasks"]:
            if area_code(t["area"]) != code:
                continue
            n += 1
            c = task_cells(t)
            rows.append("<tr>" + "".join(cell_html(x) for x in
                        [n, c["title"], c["kind"], c["audience"], c["output"], c["lead"], c["support"], c["due"]]
                        + [c["schedule"].get(y, "") for y in years] + [c["pci"], c["focus"]]) + "</tr>")
    p.append('<table border="1">' + head1 + head2 + "".join(rows) + "</table>")
    body = "\n".join(p)
    return ('<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch CCHC</title></head>'
            f"<body>\n{body}\n</body></html>\n")


def fods():
    def cell(text, attrs="", value=None):
        if value is not None:
            return f'<table:table-cell office:value-type="float" office:value="{value}"{attrs}><text:p>{e(str(text))}</text:p></table:table-cell>'
        if text == "" or text is None:
            return f"<table:table-cell{attrs}/>"
        paras = "".join(f"<text:p>{e(line)}</text:p>" for line in str(text).split("\n"))
        return f'<table:table-cell office:value-type="string"{attrs}>{paras}</table:table-cell>'

    def date_cell(iso):
        return (f'<table:table-cell table:style-name="date" office:value-type="date" office:date-value="{iso}">'
                f"<text:p>{iso}</text:p></table:table-cell>")

    def row(cells):
        return "<table:table-row>" + "".join(cells) + "</table:table-row>"

    def covered(n):
        return "<table:covered-table-cell/>" * n

    sheets = []
    refs = "; ".join(info["implements"])
    ident = [("Cơ quan", info["agency"]), ("Số hiệu", info["number"]), ("Tên kế hoạch", info["title"]),
             ("Ngày ban hành", None), ("Giai đoạn", f"{years[0]}-{years[-1]}"), ("Căn cứ", refs),
             ("Nguồn kinh phí", "\n".join(vi["funding"].get(f, f) for f in plan["resources"]["funding"]))]
    rows = [row([cell("Thông tin"), cell("Nội dung")])]
    for label, value in ident:
        if label == "Ngày ban hành":
            rows.append(row([cell(label), date_cell("2021-12-10")]))
        else:
            rows.append(row([cell(label), cell(value)]))
    sheets.append(("Thông tin", rows))
    sheets.append(("Đơn vị", [row([cell("Mã"), cell("Tên đơn vị")])]
                   + [row([cell(u["id"]), cell(u["name"])]) for u in plan["units"]]))
    head = ["STT", "Mục tiêu", "Lĩnh vực", "Chỉ số", "Đơn vị tính", f"Cơ sở năm {years[0] - 1}"]
    rs = ' table:number-rows-spanned="2"'
    top = [cell(h, rs) for h in head] + [cell("Lộ trình", f' table:number-columns-spanned="{len(years)}"'),
                                        covered(len(years) - 1)] + [cell(f"Mục tiêu đến năm {years[-1]}", rs), cell("Xu hướng", rs)]
    low = [covered(len(head))] + [cell(str(y), "", y) for y in years] + [covered(2)]
    rows = [row(top), row(low)]
    for i, o in enumerate(plan["objectives"], 1):
        c = objective_cells(o)
        ms = [cell(c["milestones"][y], "", c["milestones"][y]) if y in c["milestones"] else cell("") for y in years]
        rows.append(row([cell(str(i), "", i), cell(c["statement"]), cell(c["area"]), cell(c["indicator"]),
                         cell(c["unit"]), cell(c["baseline"])] + ms + [cell(c["target"]), cell(c["direction"])]))
    sheets.append(("Mục tiêu", rows))
    cols = ["STT", "Nội dung nhiệm vụ", "Loại nhiệm vụ", "Đối tượng", "Sản phẩm", "Đơn vị chủ trì",
            "Đơn vị phối hợp", "Thời gian hoàn thành"]
    tail = ["Chỉ số PCI", "Nhiệm vụ trọng tâm"]
    width = len(cols) + len(years) + len(tail)
    top = ([cell(h, rs) for h in cols] + [cell("Lộ trình thực hiện", f' table:number-columns-spanned="{len(years)}"'),
                                         covered(len(years) - 1)] + [cell(h, rs) for h in tail])
    low = [covered(len(cols))] + [cell(str(y), "", y) for y in years] + [covered(len(tail))]
    rows = [row([cell(f"DANH MỤC NHIỆM VỤ (Kèm theo Kế hoạch số {info['number']} ngày 10/12/2021 của Sở Tư pháp)",
                      f' table:number-columns-spanned="{width}"'), covered(width - 1)]), row(top), row(low)]
    for gi, code in enumerate(areas_in_order()):
        rows.append(row([cell(f"{ROMAN[gi]}. {area_name(code).upper()}", f' table:number-columns-spanned="{width}"'),
                         covered(width - 1)]))
        n = 0
        for t in plan["tasks"]:
            if area_code(t["area"]) != code:
                continue
            n += 1
            c = task_cells(t)
            due = c["due"]
            due_cell = cell(due)
            # A deadline that is one day is an Excel date cell, as officers' workbooks have them.
            parts = due.split("/")
            if len(parts) == 3 and all(x.isdigit() for x in parts):
                due_cell = date_cell(f"{int(parts[2]):04d}-{int(parts[1]):02d}-{int(parts[0]):02d}")
            rows.append(row([cell(str(n), "", n), cell(c["title"]), cell(c["kind"]), cell(c["audience"]),
                             cell(c["output"]), cell(c["lead"]), cell(c["support"]), due_cell]
                            + [cell(c["schedule"].get(y, "")) for y in years] + [cell(c["pci"]), cell(c["focus"])]))
    sheets.append(("Nhiệm vụ", rows))
    ex = (plan.get("exemptions") or {}).get("competitiveness") or {}
    if ex:
        sheets.append(("Miễn trừ", [row([cell("Chỉ số PCI"), cell("Lý do")])]
                       + [row([cell(vi["competitiveness"].get(k, k)), cell(v)]) for k, v in ex.items()]))
    tables = "\n".join(f'<table:table table:name="{e(name)}">' + "".join(rows) + "</table:table>" for name, rows in sheets)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
            'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
            'office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">\n'
            '<office:automatic-styles><number:date-style style:name="d"><number:day/><number:text>/</number:text>'
            '<number:month/><number:text>/</number:text><number:year number:style="long"/></number:date-style>'
            '<style:style style:name="date" style:family="table-cell" style:data-style-name="d"/></office:automatic-styles>\n'
            f"<office:body><office:spreadsheet>\n{tables}\n</office:spreadsheet></office:body></office:document>\n")


open(out + ".html", "w", encoding="utf-8").write(word())
open(out + ".fods", "w", encoding="utf-8").write(fods())
