"""The report's page skeleton and stylesheet: inline, no scripts, no external assets.

The Content-Security-Policy forbids every script and every fetch, so the report stays inert
even if some text escaped the escaping; the escaping itself is tested separately.
"""

from __future__ import annotations

from string import Template

from newsparse.render.palette import HUES, css_variables

__all__ = ["PAGE", "stylesheet"]

PAGE = Template(
    """<!DOCTYPE html>
<html lang="$lang">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="newsparse $version">
<title>$title</title>
<style>$css</style>
</head>
<body>
<header class="top">
<h1>$heading</h1>
<p class="sub">$subtitle · <a href="#panel">findings and legend</a></p>
</header>
<div class="layout">
<main class="page" aria-label="The page as newsparse read it">
$blocks
</main>
<aside class="panel" id="panel" aria-label="Findings, structure and legend">
$panel
</aside>
</div>
</body>
</html>
"""
)

_CSS = """
*{box-sizing:border-box}
:root{color-scheme:light dark;$light}
@media (prefers-color-scheme:dark){:root{$dark}}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif}
.top{padding:.9rem 1.25rem;border-bottom:1px solid var(--rule)}
.top h1{margin:0;font-size:1.3rem;line-height:1.3;overflow-wrap:anywhere}
.top .sub{margin:.2rem 0 0;color:var(--muted);font-size:.9rem}
.top a{color:var(--link)}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:1.5rem;max-width:86rem;margin:0 auto;padding:1rem 1.25rem 2rem}
.page{min-width:0}
.blk{display:grid;grid-template-columns:9rem minmax(0,1fr);column-gap:.8rem;align-items:baseline;margin:0 0 .2rem;padding:.3rem .55rem;border-left:4px solid var(--tag-body)}
.tag{justify-self:start;padding:.05rem .4rem;border-radius:.25rem;background:var(--tag-body);color:var(--tag-fg);font-size:.7rem;font-weight:650;letter-spacing:.03em;text-transform:uppercase;white-space:nowrap}
.tag .n{font-weight:400;text-transform:none}
.txt{min-width:0;white-space:pre-wrap;overflow-wrap:anywhere}
.g-headline{border-left-color:var(--tag-headline)}
.g-headline .tag{background:var(--tag-headline)}
.g-headline .txt{font-size:1.3rem;font-weight:700;line-height:1.35}
.g-meta{border-left-color:var(--tag-meta)}
.g-meta .tag{background:var(--tag-meta)}
.g-meta .txt{color:var(--muted)}
.l-standfirst .txt{color:var(--fg);font-weight:600}
.g-caption{border-left-color:var(--tag-caption);border-left-style:double;border-left-width:6px}
.g-caption .tag{background:var(--tag-caption)}
.g-caption .txt{font-style:italic}
.g-related{border-left-color:var(--tag-related);border-left-style:dashed}
.g-related .tag{background:var(--tag-related)}
.g-related .txt{font-weight:600}
.g-promo{border-left-color:var(--tag-promo);border-left-style:dotted}
.g-promo .tag{background:var(--tag-promo)}
.g-dim{background:var(--dim-bg);border-left-color:var(--rule)}
.g-dim .tag{background:var(--tag-dim)}
.g-dim .txt{color:var(--dim-fg);font-size:.92rem}
.g-blank{height:.55rem;margin:0;padding:0;border-left-color:transparent}
mark.f{color:inherit;border-radius:.2rem;padding:0 .06em;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.f-quote{background:var(--quote-bg);border-bottom:2px solid var(--quote-line)}
.f-speaker{background:var(--speaker-bg);border-bottom:3px double var(--quote-line)}
.f-number{background:var(--number-bg);border-bottom:2px dotted var(--number-line)}
.f-place{background:var(--place-bg);border-bottom:2px dashed var(--place-line)}
.f-other{border-bottom:2px solid var(--rule)}
$hues
.s-credit{background:var(--credit-bg);border-radius:.2rem;font-style:normal}
mark:target,.s:target{outline:3px solid var(--link);outline-offset:1px}
.b::after{content:attr(data-b);display:inline-block;max-width:100%;margin:0 .1rem 0 .25rem;padding:0 .4rem;border-radius:.6rem;background:var(--badge-other);color:var(--badge-fg);font-size:.7rem;font-style:normal;font-weight:600;line-height:1.55;vertical-align:.08em;white-space:normal;text-transform:none;letter-spacing:0}
.f-quote>.b::after,.f-speaker>.b::after{background:var(--badge-quote)}
.f-number>.b::after{background:var(--badge-number)}
.f-place>.b::after{background:var(--badge-place)}
.panel{align-self:start;min-width:0;padding:.6rem 1rem .9rem;border:1px solid var(--rule);border-radius:.5rem;background:var(--panel-bg);font-size:.92rem}
.panel h2{margin:.7rem 0 .3rem;font-size:1rem}
.panel h2:first-child{margin-top:.2rem}
.panel details{margin:.15rem 0}
.panel summary{cursor:pointer;font-weight:600}
.panel ol,.panel ul{margin:.2rem 0 .4rem;padding-left:1.5rem}
.panel li{margin:.15rem 0;overflow-wrap:anywhere}
.panel a{color:var(--link)}
.panel .meta{color:var(--muted)}
.panel .none{color:var(--muted);font-style:italic;margin:.1rem 0 .3rem 1.2rem}
.count{display:inline-block;min-width:1.7em;margin-left:.35rem;padding:0 .4rem;border-radius:.7rem;background:var(--tag-body);color:var(--tag-fg);font-size:.8rem;text-align:center}
.legend li{list-style:none;margin:.3rem 0}
.legend ul{padding-left:.2rem}
.legend .tag{display:inline-block;margin-right:.4rem}
.problems li{color:var(--fg)}
@media (min-width:56.01rem){.panel{position:sticky;top:1rem;max-height:calc(100vh - 2rem);overflow:auto}}
@media (max-width:56rem){.layout{grid-template-columns:minmax(0,1fr);padding:.75rem .75rem 2rem}}
@media (max-width:36rem){.blk{display:block;padding:.3rem .45rem}.blk .tag{display:inline-block;margin-right:.45rem;vertical-align:.08em}.txt{display:inline}.top{padding:.75rem}}
@media print{.panel{position:static;max-height:none}}
"""


def stylesheet() -> str:
    """The report's CSS, with both colour schemes and the plugin hues."""
    hues = "\n".join(f".np-hue-{n}{{background:var(--hue-{n})}}" for n in range(1, HUES + 1))
    return (
        Template(_CSS)
        .substitute(light=css_variables("light"), dark=css_variables("dark"), hues=hues)
        .strip()
    )
