"""The app's own words in Chinese and English (the briefing's texts come from the data)."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "app": ("srbrief 简报", "srbrief"),  # any briefing's: message boxes are titled by it
    "file": ("文件(&F)", "&File"),
    "view": ("视图(&V)", "&View"),
    "export_menu": ("导出(&E)", "&Export"),
    "help": ("帮助(&H)", "&Help"),
    "open": ("打开简报…", "&Open briefing…"),
    "open_tip": ("打开一个简报数据文件（YAML）", "Open a briefing data file (YAML)"),
    "recent": ("最近打开", "Open &recent"),
    "builtin": ("内置简报（上饶日报 2025-10-11）", "Built-in briefing (Shangrao Daily, 11 Oct 2025)"),
    "reload": ("重新载入", "&Reload"),
    "reload_tip": ("从磁盘重新读取当前简报", "Read the current briefing again from disk"),
    "quit": ("退出", "&Quit"),
    "export_pptx": ("导出 PowerPoint…", "Export &PowerPoint…"),
    "export_pptx_tip": ("导出可编辑的 PPTX 简报（原生图表、备注）",
                        "Export an editable PPTX deck (native charts, notes)"),
    "export_pdf": ("导出 PDF 讲义…", "Export P&DF handout…"),
    "export_pdf_tip": ("导出带备注的 PDF 讲义", "Export a PDF handout with speaker notes"),
    "export_charts": ("导出全部图表…", "Export all &charts…"),
    "export_charts_tip": ("把所有图表保存为 PNG 或 SVG", "Save every chart as PNG or SVG"),
    "chart_format": ("图片格式：", "Image format:"),
    "copy_chart": ("复制当前图表", "&Copy chart"),
    "copy_chart_tip": ("把当前页第一张图表复制到剪贴板",
                       "Copy the first chart of this panel to the clipboard"),
    "search": ("查找…", "&Find…"),
    "search_tip": ("在数字、举措和机构中查找", "Search figures, measures and entities"),
    "language": ("切换到英文", "Switch to Chinese"),
    "language_tip": ("在中文和英文之间切换", "Switch between Chinese and English"),
    "present": ("放映", "&Present"),
    "present_tip": ("全屏放映与 PowerPoint 相同的幻灯片",
                    "Present the same slides as the PowerPoint deck, full screen"),
    "about": ("关于", "&About"),
    "timeline_map": ("大事记与地图", "Timeline & map"),
    "sources": ("来源", "Sources"),
    "figures": ("数据", "Figures"),
    "all_figures": ("全部数据", "All figures"),
    "summary": ("执行摘要", "Executive summary"),
    "chart_as_cards": ("图表「{name}」未画出，其数字以卡片显示：{why}",
                       "Chart “{name}” is not drawn; its figures are shown as cards: {why}"),
    "map_elsewhere": ("示意图见“大事记与地图”页。", "The schematic map is on the Timeline & map panel."),
    "measures": ("举措", "Measures"),
    "entities": ("相关机构与地点", "Entities involved"),
    "events": ("大事记", "Timeline"),
    "show_source": ("查看出处", "Show source"),
    "source_of": ("原文：", "Source: "),
    "charts_loading": ("图表加载中…", "Drawing charts…"),
    "search_placeholder": ("输入关键词，回车跳转", "Type to search, Enter to jump"),
    "no_results": ("没有找到", "Nothing found"),
    "error_banner": ("无法载入 {file}，仍显示上次的有效数据：",
                     "Could not load {file}; still showing the last good data:"),
    "reloaded": ("已重新载入 {file}", "Reloaded {file}"),
    "changed_on_disk": ("文件已改动，已自动重新载入", "The file changed on disk and was reloaded"),
    "exporting": ("正在导出…", "Exporting…"),
    "exported": ("已导出 {file}", "Exported {file}"),
    "open_folder": ("打开所在文件夹", "Open folder"),
    "export_failed": ("导出失败", "Export failed"),
    "internal_error": ("内部错误（{what}）；详细信息已写入 {log}", "Internal error ({what}); the details are in {log}"),
    "no_log": ("无法写入日志", "the log could not be written"),
    "publication": ("出处", "Publication"),
    "translation_note": ("英文为本团队自行翻译，以中文原文为准。", "The English is our own translation; the Chinese "
                                                      "original prevails."),
    "figure": ("数据", "Figure"),
    "value": ("数值", "Value"),
    "clause": ("原文语句", "Source clause"),
    "section": ("板块", "Section"),
    "about_text": (
        "<h3>上饶制造业简报 {version}</h3><p>数据来源：《上饶日报》2025年10月11日《挺起制造强市“硬脊梁”》。"
        "英文为本团队翻译。</p><p>使用的开源软件：Qt 6 / PySide6（LGPL v3）、matplotlib（PSF 类许可）、"
        "python-pptx（MIT）、PyYAML（MIT）；字体：SRBrief Sans SC，基于 Noto Sans CJK SC（SIL OFL 1.1）。</p>",
        "<h3>srbrief {version}</h3><p>Source: Shangrao Daily, 11 October 2025, 《挺起制造强市“硬脊梁”》. "
        "The English is our own translation.</p><p>Built with Qt 6 / PySide6 (LGPL v3), matplotlib "
        "(PSF-style licence), python-pptx (MIT), PyYAML (MIT); font: SRBrief Sans SC, a subset of Noto Sans CJK "
        "SC (SIL OFL 1.1).</p>"),
    "presenter_help": ("→/空格 下一页 · ← 上一页 · 数字+回车 跳转 · B 黑屏 · W 白屏 · T 暂停/继续计时 · R 重新计时 · "
                       "P 演讲者视图 · Esc 退出",
                       "→/Space next · ← previous · number+Enter jump · B black · W white · T pause/resume timer · "
                       "R reset timer · P presenter view · Esc leave"),
    "end_of_show": ("放映结束，按 Esc 退出", "End of slide show — press Esc to leave"),
    "clock": ("时间", "Time"),
    "paused": ("（已暂停）", "(paused)"),
    "audience_black": ("观众屏幕：黑屏（B 恢复）", "Audience screen: black (B to show)"),
    "audience_white": ("观众屏幕：白屏（W 恢复）", "Audience screen: white (W to show)"),
    "next_slide": ("下一页", "Next"),
    "elapsed": ("已用时间", "Elapsed"),
    "notes": ("备注", "Notes"),
    # editing (gui/editing.py)
    "edit_menu": ("编辑(&D)", "E&dit"),
    "new": ("新建简报…", "&New briefing…"),
    "new_tip": ("从一个最小的有效简报开始，保存到你选择的位置",
                "Start from a small valid briefing, saved where you choose"),
    "undo": ("撤销", "&Undo"),
    "undo_named": ("撤销：{name}", "&Undo {name}"),
    "redo": ("重做", "&Redo"),
    "redo_named": ("重做：{name}", "&Redo {name}"),
    "save": ("保存", "&Save"),
    "save_tip": ("保存修改（只改动被修改的值，注释和格式保持不变）",
                 "Save the edits (only the edited values change; comments and layout stay)"),
    "save_as": ("另存为…", "Save &As…"),
    "save_as_tip": ("把简报保存为新文件（内置简报只能另存）", "Save the briefing under a new name (the built-in "
                                                     "briefing can only be saved as a copy)"),
    "saved": ("已保存 {file}", "Saved {file}"),
    "save_failed": ("无法保存", "Could not save"),
    "unsaved_question": ("简报有未保存的修改。要保存吗？", "The briefing has unsaved edits. Save them?"),
    "overwrite_changed": ("{file} 在打开后被其他程序改动过。仍用这里的版本覆盖它吗？",
                          "{file} was changed by another program since it was opened. Overwrite it with "
                          "this version?"),
    "changed_outside": ("{file} 被其他程序改动了，而这里有未保存的修改。载入磁盘上的版本并放弃这里的修改吗？",
                        "{file} was changed by another program while you have unsaved edits here. Load the "
                        "version on disk and discard your edits?"),
    "recover": ("上次退出时 {file} 有未保存的修改（{time}）。要恢复吗？",
                "srbrief stopped with unsaved edits of {file} ({time}). Restore them?"),
    "recover_missing": ("上次退出时 {file} 有未保存的修改（{time}），但该文件已不存在。要把这些修改另存为新文件吗？",
                        "srbrief stopped with unsaved edits of {file} ({time}), but that file no longer exists. "
                        "Save the edits as a new file?"),
    "recover_changed": ("上次退出时 {file} 有未保存的修改（{time}），但此后该文件被其他程序改动过。请比较后选择"
                        "（详情中是两者的差异）。",
                        "srbrief stopped with unsaved edits of {file} ({time}), but the file was changed by "
                        "another program since. Compare and choose (the details show the differences)."),
    "recover_mine": ("用我的修改", "Use my edits"),
    "recover_disk": ("保留磁盘上的版本", "Keep the file on disk"),
    "recover_copy": ("把我的修改另存为…", "Save my edits as…"),
    "save_kept": ("修改未丢失：窗口保持打开，修改也保存在恢复文件中。", "Nothing is lost: the window stays open and "
                  "the edits are kept in a recovery file."),
    "restore_edits": ("恢复未保存的修改", "Restore unsaved edits"),
    "edit_mode": ("编辑模式", "Edit &mode"),
    "edit_mode_tip": ("在侧栏中编辑数字、举措、图表和导语；点击卡片即可编辑它",
                      "Edit figures, facts, charts and ledes in a side form; click a card to edit it"),
    "edit_hint": ("点击一张数字卡片或“查看出处”来编辑它；切换页面可编辑该页的标题和导语。",
                  "Click a figure card or a chart's “Show source” to edit it; switch panels to edit a "
                  "section's title and lede."),
    "move_up": ("上移", "Move up"),
    "move_down": ("下移", "Move down"),
    "remove_item": ("删除", "Remove"),
    "duplicate_item": ("复制一项", "Duplicate"),
    "waiting": ("{count} 处修改单独无法通过检查，将与下一处修改一起再试（例如先改数字，再改引用它的要点）。",
                "{count} change(s) that cannot stand alone will be tried again with your next change (e.g. a "
                "figure, then the message that quotes it)."),
    "discard_waiting": ("放弃这些修改", "Discard them"),
    "article": ("原文（选中一句即可设为出处）", "The article (select a clause to make it the source)"),
    "open_article": ("打开原文…", "Open the article…"),
    "use_selection": ("用选中的文字作出处", "Use the selection as source"),
    "no_article": ("打开报道原文（纯文本）后，可在此查看并选取出处。",
                   "Open the article (plain text) to see and pick source clauses here."),
    "not_verbatim": ("⚠ 出处不是原文中的原句", "⚠ The source is not verbatim in the article"),
    "new_from_article": ("从文章新建…", "New from &article…"),
    "new_from_article_tip": ("读取一篇报道（纯文本），起草简报：每个数字连同其原句", "Draft a briefing from a news "
                             "article (plain text): every figure with its clause"),
    "drafting": ("正在起草…", "Drafting…"),
    "save_draft_as": ("草稿保存为", "Save the draft as"),
    "draft_failed": ("无法起草", "Could not draft"),
    "review_draft": ("核对草稿数据…", "Re&view drafted figures…"),
    "review_draft_tip": ("逐一核对起草的数字：接受、删除", "Check each drafted figure: accept or delete"),
    "review_figure": ("数字", "Figure"),
    "review_label": ("标签", "Label"),
    "review_clause": ("原句", "Clause"),
    "review_note": ("这是草稿：核对每个数字与其原句。接受之前不能导出（标题页写着“草稿，待核对”）。"
                    "取消勾选的数字可删除；要点或导语仍引用的数字须先改写那里。",
                    "This is a draft: check each figure against its clause. It cannot be exported until accepted "
                    "(its title slide says 草稿，待核对). Unchecked figures can be deleted; a figure a point or a "
                    "lede still cites must be rewritten there first."),
    "review_done": ("草稿已接受，可以导出。", "The draft is accepted: it can be exported."),
    "accept_all": ("全部接受", "Accept all"),
    "accept_selected": ("接受勾选的（删除其余）", "Accept selected (delete the rest)"),
    "delete_unchecked": ("删除未勾选的", "Delete unchecked"),
    "review_refused": ("无法执行", "Not done"),
    "review_refused_text": ("修改未通过检查，简报未改变：", "The edit did not pass the checks; nothing changed:"),
    "export_unreviewed": ("这是尚未核对的草稿：请先在“文件 → 核对草稿数据…”中接受其数字，再导出。",
                          "This is a draft not yet reviewed: accept its figures in File → Review drafted "
                          "figures… before exporting it."),
    "export_untranslated": ("还有{n}处文字缺少英文译文（标有 [translate]），英文版暂不能导出"
                            "（每行：条目 · 字段：中文）：",
                            "{n} texts still need an English translation (marked [translate]); the English "
                            "deck cannot be exported until they are translated (each line: item · field: the "
                            "Chinese):"),
    "open_first_untranslated": ("在编辑表单中打开第一处", "Open the first one in the edit form"),
    "update_from_document": ("从新文件更新…", "&Update from a newer document…"),
    "update_from_document_tip": ("读取更新的文件（纯文本），提出对现有数字的更新", "Read a newer document (plain "
                                 "text) and propose updates of the figures it restates"),
    "import_note": ("{file} 提出 {count} 处更新（另有 {new} 个数字简报中没有）。"
                    "勾选的更新作为一次修改应用，可一次撤销。",
                    "{file} proposes {count} updates; {new} of its figures are not in the briefing. The checked "
                    "ones are applied as one edit, undone at once."),
    "import_change": ("原值 → 新值", "Old → new"),
    "import_old_clause": ("原出处", "Old clause"),
    "import_new_clause": ("新出处", "New clause"),
    "close_dialog": ("关闭", "Close"),
    "cancel": ("取消", "Cancel"),
    "apply_checked": ("应用勾选的更新", "Apply checked"),
    "import_failed": ("无法更新", "Could not update"),
    "import_read_only": ("内置简报是只读的：请先“另存为”一份副本，再从新文件更新。", "The built-in briefing is "
                         "read-only: save a copy with Save As first, then update it."),
    "no_updates": ("该文件没有对现有数字提出更新（另有 {new} 个数字简报中没有）。", "The document restates none of "
                   "the briefing's figures ({new} figures are not in the briefing)."),
    "imported": ("已从 {file} 更新 {count} 个数字", "{count} figures updated from {file}"),
    # File → Refresh a deck… (srbrief.gui.refresh)
    "refresh_deck": ("刷新已编辑的演示文稿…", "Re&fresh a deck…"),
    "refresh_deck_tip": ("把当前简报的最新数字写入别人编辑过的演示文稿，保留其改动",
                         "Put this briefing's current figures into a deck someone has edited, keeping their edits"),
    "refresh_deck_label": ("演示文稿：", "Deck:"),
    "refresh_choose": ("选择演示文稿…", "Choose a deck…"),
    "refresh_intro": ("选择一份由本程序导出、之后被编辑过的 PPTX：移动、换色、增删幻灯片等改动都会保留。",
                      "Choose a PPTX exported by srbrief and edited since: moves, colours, added or deleted slides "
                      "and every other edit are kept."),
    "refresh_conflicts": ("冲突（文字被手工改写，简报也已更新）：勾选的用简报的新文字替换，未勾选的保留手工文字",
                          "Conflicts (texts rewritten by hand that the briefing changed too): ticked ones take the "
                          "briefing's text, the others keep yours"),
    "refresh_conflict_item": ("第{slide}页 {shape}：“{old}” → “{new}”", "Slide {slide} {shape}: “{old}” → “{new}”"),
    "refresh_report": ("变更报告：", "Change report:"),
    "refresh_save": ("保存刷新后的演示文稿…", "Save refreshed deck…"),
    "refresh_working": ("正在刷新…", "Refreshing…"),
    "refresh_checked": ("发现 {n} 处冲突；原文件不会被修改，刷新结果另存为新文件。",
                        "Conflicts found: {n}. The deck itself is not changed: the refreshed deck is saved as "
                        "a new file."),
    "refresh_saved": ("已保存 {file}", "Saved {file}"),
    # --- issue 20 part B: the edit form in the user's language, adding items, the guided update --------------
    "add_menu": ("添加…", "Add…"),
    "add_what": ("添加{kind}", "Add {kind}"),
    "add_done": ("添加", "Add"),
    "figures_bound": ("已把写出的数字换成对数字的引用（随数字更新）：{names}",
                      "The numbers typed now refer to their figures (they follow updates): {names}"),
    "insert_figure": ("插入数字…", "Insert figure…"),
    "update_figure": ("用新来源更新这个数字…", "Update this figure from a new source…"),
    "derived_flag": ("计算值", "Derived"),
    "derived_flag_text": ("此数值由我们计算（原文未直接写出）",
                          "We computed this value (the clause does not state it)"),
    "new_unit": ("新单位…", "New unit…"),
    "new_unit_title": ("新单位", "New unit"),
    "unit_zh": ("中文写法（紧跟数字，如 万吨）", "Chinese (written after the number, e.g. 万吨)"),
    "unit_en": ("英文名称（如 10,000 tonnes）", "English name (e.g. 10,000 tonnes)"),
    "unit_exists": ("单位“{unit}”已经有了", "The unit “{unit}” is already there"),
    "unit_unknown": ("“{unit}”不在单位列表中：点“新单位…”添加", "“{unit}” is not in the list of units: add it "
                     "with “New unit…”"),
    "unit_add_this": ("新单位“{unit}”…", "New unit “{unit}”…"),
    "unit_filter": ("输入以筛选单位", "Type to filter the units"),
    "unit_group_own": ("本简报的单位", "This briefing's units"),
    "no_period_read": ("未填时期：幻灯片上该数字将不注明时期", "No period: the slides will show this figure without "
                       "its period"),
    "chart_kind_unfit": ("这种图表不适合所勾选的条目", "This kind of chart does not fit the items ticked"),
    "chart_kinds_fit": ("适合所勾选条目的图表：{kinds}", "Charts that fit the items ticked: {kinds}"),
    "text_loaded": ("已载入《{title}》全文，共 {n} 字", "Loaded the full text of “{title}”: {n} characters"),
    "period_to": ("至", "to"),
    "no_period": ("（无）", "(none)"),
    "whole_year": ("全年", "whole year"),
    "date_placeholder": ("年-月 或 年-月-日，如 2025-06", "year-month or a day, e.g. 2025-06"),
    "unit_en_placeholder": ("留空即用单位自带的英文：{word}", "Empty: the unit's own English, {word}"),
    "briefing_info": ("简报信息", "The briefing"),
    "placeholder_mark": ("【请填写】", "[fill in]"),
    "document_text": ("文件全文（粘贴，或打开 .txt 文件）", "The document's full text (paste, or open a .txt file)"),
    "open_txt": ("打开 .txt 文件…", "Open a .txt file…"),
    "pick_document": ("来源文件", "Source document"),
    "add_document": ("添加新的来源文件…", "Add a new source document…"),
    "select_clause": ("在下面的全文中选中说明该数字的那句话：", "Select the clause that states the figure in the text "
                      "below:"),
    "value_read": ("从所选语句读出的数值：", "Value read from the selection:"),
    "no_value_read": ("所选语句中没有找到该数字的单位（{unit}）下的数值", "The selection states no value in the "
                      "figure's unit ({unit})"),
    "texts_follow": ("以下文字将随之更新：", "These texts will read:"),
    "every_text_follows": ("每一处写出这个数字的文字都引用它，随之一起更新；只有同时依据另一句原文、"
                           "而那句原文写的是旧值的文字保留旧值（见下方“冲突”）。",
                           "Every text that states the figure refers to it and follows it; only a text that also "
                           "rests on another clause stating the old value keeps it (see “Conflicts” below)."),
    "conflicts": ("冲突（保留旧值）：", "Conflicts (the old value is kept):"),
    "conflict": ("{name}：还依据“{clause}”，原文写的是“{said}”：此处保留“{said}”，不改为“{new}”",
                 "{name}: also rests on “{clause}”, which says {said}: it keeps {said}, not {new}"),
    "reads_as": ("显示为：{text}", "Reads: {text}"),
    "literal_resembles": ("“{number}”像是数字“{label}”，它显示为“{reads}”：请照这样写出，或点“插入数字…”选出它"
                          "（插入的数字已带单位，不必再写单位）",
                          "“{number}” looks like the figure “{label}”, which reads “{reads}”: type it exactly so, "
                          "or click “Insert figure…” and choose it (the figure comes with its unit: do not type "
                          "the unit again)"),
    "in_language_zh": ("中文：", "Chinese:"),
    "in_language_en": ("英文：", "English:"),
    "accept_update": ("接受更新", "Accept the update"),
    "update_title": ("更新数字：{label}", "Update figure: {label}"),
    "new_value": ("新数值", "New value"),
    "new_period": ("新时期", "New period"),
    "read_only_add": ("内置简报是只读的：请先“另存为”一份副本。",
                      "The built-in briefing is read-only: save a copy with Save As first."),
    "attach_text": ("打开 .txt 文件作为这个来源文件的全文…", "Give this document its full text from a .txt file…"),
    "txt_filter": ("文本文件 (*.txt);;所有文件 (*)", "Text (*.txt);;All files (*)"),
    "yaml_filter": ("简报文件 (*.yaml *.yml)", "Briefings (*.yaml *.yml)"),
    "yaml_filter_all": ("简报文件 (*.yaml *.yml);;所有文件 (*)", "Briefings (*.yaml *.yml);;All files (*)"),
    "pptx_filter": ("PowerPoint 演示文稿 (*.pptx)", "PowerPoint (*.pptx)"),
    "pdf_filter": ("PDF 文件 (*.pdf)", "PDF (*.pdf)"),
    # --- end of issue 20 part B ----------------------------------------------------------------------------------
    # -- issue 20 part A: which data is shown, browsing, help, print (one block: merged by the lead) ----------
    "builtin_title": ("内置示例（只读）", "built-in sample (read-only)"),
    "open_elsewhere": ("另一个窗口也打开了此文件", "also open in another window"),
    "builtin_sample": ("打开内置示例", "Open the &built-in sample"),
    "export_stale": ("{file} 未能载入（见红色提示）。导出将使用上次成功载入的数据，而不是磁盘上的文件。继续导出吗？",
                     "{file} failed to load (see the red banner). The export will use the last data that loaded, "
                     "not the file on disk. Export it anyway?"),
    "exported_stale": ("已导出 {file}（上次成功载入的数据）", "Exported {file} (the last data that loaded)"),
    "back": ("返回", "&Back"),
    "help_page": ("使用帮助", "&Help page"),
    "print": ("打印讲义…", "&Print the handout…"),
    "open_in_article": ("在原文中查看", "Open in the article"),
    "source_popover": ("出处", "Source"),
    "help_text": (
        "<h3>快捷键</h3><table>"
        "<tr><td>Ctrl+O</td><td>打开简报</td></tr><tr><td>Ctrl+S / Ctrl+Shift+S</td><td>保存 / 另存为</td></tr>"
        "<tr><td>F2</td><td>编辑模式</td></tr><tr><td>Ctrl+Z / Ctrl+Shift+Z</td><td>撤销 / 重做</td></tr>"
        "<tr><td>Ctrl+F</td><td>搜索</td></tr><tr><td>Alt+←</td><td>返回上一处</td></tr>"
        "<tr><td>F5</td><td>演示</td></tr><tr><td>Ctrl+E</td><td>导出 PPTX</td></tr>"
        "<tr><td>Ctrl+P</td><td>打印讲义</td></tr><tr><td>Ctrl+L</td><td>切换语言</td></tr></table>"
        "<h3>用新来源更新一个数字</h3><ol><li>按 F2 进入编辑模式，点击页面上的数字卡片。</li>"
        "<li>在右侧表单中点“用新来源更新这个数字…”。</li>"
        "<li>选择来源文件；新文件选“添加新的来源文件…”，粘贴全文或打开 .txt 文件。</li>"
        "<li>在全文中选中写明新数值的句子：数值、单位和时期从句中读出，可以修改。</li>"
        "<li>核对“以下文字将随之更新”，点“接受更新”；Ctrl+S 保存（内置示例是只读的，会要求另存为）。</li></ol>"
        "<h3>添加来源文件、数字、要点和大事记</h3><ol>"
        "<li>编辑模式中点表单上方的“添加…”，选择要添加的内容。</li>"
        "<li>来源文件：填写标题、发布机构和日期，粘贴全文或打开 .txt 文件。"
        "新建简报里的占位文件会被第一个来源文件替换。</li>"
        "<li>数字：在原文中选中写明它的句子，名称、数值、单位和时期随之填好。</li>"
        "<li>要点：写出结论，勾选它依据的数字；出处默认是这些数字的原句。</li>"
        "<li>大事记：填写日期和事件，在原文中选中出处；导出的演示文稿附录中有大事记页。</li></ol>"
        "<h3>在文字中插入数字</h3><ul>"
        "<li>在文字框中右键 → “插入数字…”，或点框旁的“插入数字…”，按名称选出数字，插在光标处（已带单位）；"
        "框下的“显示为：…”是页面上的样子；数字更新时文字随之更新。</li>"
        "<li>直接写出的数字（如 1050万吨、第二）若与勾选的数字（或全部数字中唯一的一个）写法相同，"
        "在表单中写入时、在添加对话框中添加时自动换成那个数字（添加时状态栏会说明换了哪些）。</li>"
        "<li>表单中的文字在离开文字框、按 Ctrl+Enter 或停止输入片刻后写入。</li></ul>"
        "<h3>新建简报</h3><ul><li>文件 → 新建简报…（Ctrl+N）：从总览页开始，先添加来源文件，"
        "再添加数字和要点。</li></ul>"
        "<h3>从一篇文章开始</h3><ol><li>文件 → 从文章新建…，选择报道原文（纯文本）。</li>"
        "<li>文件 → 核对草稿数据…：逐一对照原句接受或删除起草的数字。</li>"
        "<li>在编辑模式中补全要点、导语和图表，然后导出。</li></ol>"
        "<p>在任何对话框中按 F1 可打开本页。</p>",
        "<h3>Shortcuts</h3><table>"
        "<tr><td>Ctrl+O</td><td>open a briefing</td></tr><tr><td>Ctrl+S / Ctrl+Shift+S</td><td>save / save as"
        "</td></tr><tr><td>F2</td><td>edit mode</td></tr><tr><td>Ctrl+Z / Ctrl+Shift+Z</td><td>undo / redo</td></tr>"
        "<tr><td>Ctrl+F</td><td>search</td></tr><tr><td>Alt+Left</td><td>back to where you were</td></tr>"
        "<tr><td>F5</td><td>present</td></tr><tr><td>Ctrl+E</td><td>export PPTX</td></tr>"
        "<tr><td>Ctrl+P</td><td>print the handout</td></tr><tr><td>Ctrl+L</td><td>switch language</td></tr>"
        "</table><h3>Update a figure from a new source</h3><ol>"
        "<li>Press F2 for edit mode and click the figure's card.</li>"
        "<li>In the form, click “Update this figure from a new source…”.</li>"
        "<li>Choose the source document; for a new one choose “Add a new source document…” and paste its text or "
        "open a .txt file.</li>"
        "<li>Select the sentence that states the new value: the value, unit and period are read from it (you can "
        "change them).</li>"
        "<li>Check the texts that will follow, click “Accept the update”; Ctrl+S saves (the built-in sample is "
        "read-only: you are asked for a new file).</li></ol>"
        "<h3>Add a source, figures, points and events</h3><ol>"
        "<li>In edit mode, click “Add…” above the form and choose what to add.</li>"
        "<li>A source document: its title, publisher and date, and its text pasted or opened from a .txt file. In a "
        "new briefing the first document takes the place of the placeholder.</li>"
        "<li>A figure: select the sentence that states it in the text; label, value, unit and period are filled in."
        "</li><li>A point: write the conclusion and tick the figures it rests on; its sources are their sentences "
        "unless you type others.</li>"
        "<li>An event: its date and text, and its source selected in the text; the exported deck's appendix shows "
        "the timeline.</li></ol>"
        "<h3>Insert a figure into a text</h3><ul>"
        "<li>Right-click in a text → “Insert figure…”, or click “Insert figure…” beside it, and choose the figure by "
        "its label: it goes in at the cursor, with its unit; “Reads: …” under the text shows it as the page will; "
        "the text follows when the figure is updated.</li>"
        "<li>A number you type (such as 10.5 mn tonnes, second) that is written as one of the ticked figures (or as "
        "exactly one figure of the briefing) becomes that figure when the form writes the text, or when you add the "
        "item (the status bar then says which).</li>"
        "<li>The form writes a text when you leave it, press Ctrl+Enter or stop typing for a moment.</li>"
        "</ul><h3>Start a new briefing</h3><ul><li>File → New briefing… (Ctrl+N): it opens on the overview; add the "
        "source document first, then figures and points.</li></ul>"
        "<h3>Start from an article</h3><ol><li>File → New from article…, choose the article (plain text).</li>"
        "<li>File → Review drafted figures…: accept or delete each figure against its clause.</li>"
        "<li>Complete the points, ledes and charts in edit mode, then export.</li></ol>"
        "<p>F1 in any dialog opens this page.</p>"),
    # -- end of issue 20 part A ----------------------------------------------------------------------------------
}


def tr(key: str, lang: str, **values: object) -> str:
    """Return the UI string *key* in *lang*, with {placeholders} filled from *values*."""
    text = STRINGS[key][0 if lang == "zh" else 1]
    return text.format(**values) if values else text
