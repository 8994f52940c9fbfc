package digest

import (
	"bytes"
	"encoding/base64"
	"fmt"
	htmltemplate "html/template"
	"strings"
	"text/template"
	"time"

	"maintwatch/feeds/internal/textutil"
)

var funcs = map[string]any{
	"date":   textutil.BothDates,
	"wareki": textutil.Wareki,
	"md":     mdEscape,
	"ndays":  textutil.Days,
	"days": func(f float64) string {
		return fmt.Sprintf("%.1f", f)
	},
}

// mdEscaper neutralises what a Markdown renderer would turn into markup:
// raw HTML (so a hostile shop name stays text) and emphasis, link, table and
// heading syntax.
var mdEscaper = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;",
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"|", `\|`, "#", `\#`, "!", `\!`, "\n", " ", "\r", " ",
)

func mdEscape(s string) string { return mdEscaper.Replace(textutil.StripInvalidXML(s)) }

var mdTmpl = template.Must(template.New("md").Funcs(funcs).Parse(`# maintwatch weekly digest {{.Week}}

{{date .Start}} – {{date .Last}} ({{wareki .Start}} – {{wareki .Last}}){{if .InProgress}}, week in progress{{end}}

{{if .Empty}}**Nothing happened this week**: no new flag, no escalation, no resolution, no confirmed leak.
{{else}}## New suspected sites ({{len .New}})
{{range .New}}
- **{{md .Name}}** ({{md .Site.URL}}), {{md (or .Site.Platform "unknown")}}: first flagged {{date .At}}, score {{printf "%.2f" .Score}}, card payment stopped for {{ndays .Days}}. [evidence](/sites/{{.Site.ID}})
{{- else}}
None.
{{- end}}

## Escalations ({{len .Escalated}})
{{range .Escalated}}
- **{{md .Name}}** ({{md .Site.URL}}): escalated {{date .At}}, card payment stopped for {{ndays .Days}}. [evidence](/sites/{{.Site.ID}})
{{- else}}
None.
{{- end}}

## Resolved ({{len .Resolved}})
{{range .Resolved}}
- **{{md .Name}}** ({{md .Site.URL}}): resolved {{date .At}} after {{ndays .Days}}.
{{- else}}
None.
{{- end}}

## Confirmed leaks ({{len .Confirmed}})
{{range .Confirmed}}
- **{{md .Name}}** ({{md .Site.URL}}): leak announced {{date .At}}; flagged {{date .FirstFlagged}}, **lead time {{ndays .LeadDays}}**. [evidence](/sites/{{.Site.ID}})
{{- else}}
None.
{{- end}}

## By platform

| platform | new | escalated | resolved | confirmed leaks |
| --- | ---: | ---: | ---: | ---: |
{{range .Platforms}}| {{md .Platform}} | {{.New}} | {{.Escalated}} | {{.Resolved}} | {{.Confirmed}} |
{{end}}{{end}}
## Track record (as of the end of the week)

{{with .Track}}{{.Flags}} site episodes flagged so far: {{.Confirmed}} later confirmed as leaks, {{.Resolved}} resolved without a leak, {{.Open}} still open.
{{if .HasLead}}Median lead time from flag to leak announcement: {{days .MedianLeadDays}} days.{{else}}No confirmed leak yet, so no lead time.{{end}}{{end}}

## Weekly flags, last 12 weeks

![Sites flagged per week, {{(index .Chart 0).Week}} to {{.Week}}](data:image/svg+xml;base64,{{.ChartB64}})

| week | flags |
| --- | ---: |
{{range .Chart}}| {{.Week}} | {{.Flags}} |
{{end}}`))

var htmlTmpl = htmltemplate.Must(htmltemplate.New("html").Funcs(funcs).Parse(`<!DOCTYPE html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>maintwatch weekly digest {{.Week}}</title>
<style>
body{font-family:"Hiragino Sans","Noto Sans CJK JP","Noto Sans JP",Meiryo,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.6}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:.2rem .6rem}td.n{text-align:right}
.empty{font-weight:bold;padding:.6rem;background:#f2f2f2}
svg{max-width:100%;height:auto}
</style>
</head>
<body>
<h1>maintwatch weekly digest {{.Week}}</h1>
<p>{{date .Start}} – {{date .Last}} ({{wareki .Start}} – {{wareki .Last}}){{if .InProgress}}, week in progress{{end}}</p>
{{if .Empty}}<p class="empty">Nothing happened this week: no new flag, no escalation, no resolution, no confirmed leak.</p>
{{else}}
<h2>New suspected sites ({{len .New}})</h2>
<ul>{{range .New}}<li><a href="/sites/{{.Site.ID}}">{{.Name}}</a> (<code>{{.Site.URL}}</code>), {{or .Site.Platform "unknown"}}: first flagged {{date .At}}, score {{printf "%.2f" .Score}}, card payment stopped for {{ndays .Days}}</li>{{else}}<li>None.</li>{{end}}</ul>
<h2>Escalations ({{len .Escalated}})</h2>
<ul>{{range .Escalated}}<li><a href="/sites/{{.Site.ID}}">{{.Name}}</a>: escalated {{date .At}}, card payment stopped for {{ndays .Days}}</li>{{else}}<li>None.</li>{{end}}</ul>
<h2>Resolved ({{len .Resolved}})</h2>
<ul>{{range .Resolved}}<li><a href="/sites/{{.Site.ID}}">{{.Name}}</a>: resolved {{date .At}} after {{ndays .Days}}</li>{{else}}<li>None.</li>{{end}}</ul>
<h2>Confirmed leaks ({{len .Confirmed}})</h2>
<ul>{{range .Confirmed}}<li><a href="/sites/{{.Site.ID}}">{{.Name}}</a>: leak announced {{date .At}}; flagged {{date .FirstFlagged}}, <strong>lead time {{ndays .LeadDays}}</strong></li>{{else}}<li>None.</li>{{end}}</ul>
<h2>By platform</h2>
<table><thead><tr><th>platform</th><th>new</th><th>escalated</th><th>resolved</th><th>confirmed leaks</th></tr></thead>
<tbody>{{range .Platforms}}<tr><td>{{.Platform}}</td><td class="n">{{.New}}</td><td class="n">{{.Escalated}}</td><td class="n">{{.Resolved}}</td><td class="n">{{.Confirmed}}</td></tr>{{end}}</tbody></table>
{{end}}
<h2>Track record (as of the end of the week)</h2>
{{with .Track}}<p>{{.Flags}} site episodes flagged so far: {{.Confirmed}} later confirmed as leaks, {{.Resolved}} resolved without a leak, {{.Open}} still open.
{{if .HasLead}}Median lead time from flag to leak announcement: {{days .MedianLeadDays}} days.{{else}}No confirmed leak yet, so no lead time.{{end}}</p>{{end}}
<h2>Weekly flags, last 12 weeks</h2>
<figure>{{.SVG}}<figcaption>Sites flagged per week, {{(index .Chart 0).Week}} to {{.Week}}</figcaption></figure>
</body>
</html>
`))

type view struct {
	Report
	Last     time.Time
	ChartB64 string
	SVG      htmltemplate.HTML
}

func newView(r Report) view {
	return view{
		Report:   r,
		Last:     r.End.AddDate(0, 0, -1),
		ChartB64: base64.StdEncoding.EncodeToString([]byte(r.ChartSVG)),
		// The SVG comes from go-chart drawing our own numbers and week
		// codes, never shop text, so it is trusted markup.
		SVG: htmltemplate.HTML(r.ChartSVG),
	}
}

func renderMarkdown(r Report) ([]byte, error) {
	var b bytes.Buffer
	if err := mdTmpl.Execute(&b, newView(r)); err != nil {
		return nil, fmt.Errorf("digest: render md: %w", err)
	}
	return b.Bytes(), nil
}

func renderHTML(r Report) ([]byte, error) {
	var b bytes.Buffer
	if err := htmlTmpl.Execute(&b, newView(r)); err != nil {
		return nil, fmt.Errorf("digest: render html: %w", err)
	}
	return b.Bytes(), nil
}
