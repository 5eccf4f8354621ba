"""The app's own words in Chinese and English (the briefing's texts come from the data)."""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "app": ("上饶制造业简报", "srbrief — Shangrao manufacturing briefing"),
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
    "presenter_help": ("→/空格 下一页 · ← 上一页 · 数字+回车 跳转 · B 黑屏 · P 演讲者视图 · Esc 退出",
                       "→/Space next · ← previous · number+Enter jump · B black · P presenter view · Esc leave"),
    "next_slide": ("下一页", "Next"),
    "elapsed": ("已用时间", "Elapsed"),
    "notes": ("备注", "Notes"),
}


def tr(key: str, lang: str, **values: object) -> str:
    """Return the UI string *key* in *lang*, with {placeholders} filled from *values*."""
    text = STRINGS[key][0 if lang == "zh" else 1]
    return text.format(**values) if values else text
