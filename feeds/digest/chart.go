package digest

import (
	"bytes"
	"fmt"
	"strings"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// barStyle: one colour for every week (go-chart's default palette gives each
// bar its own, which suggests categories that are not there).
var barStyle = chart.Style{
	FillColor:   drawing.ColorFromHex("b00020"),
	StrokeColor: drawing.ColorFromHex("b00020"),
	StrokeWidth: 1,
}

// chartSVG draws weekly flags as bars with go-chart. The y axis always
// starts at 0 with integer ticks; go-chart refuses a zero-height range, so
// an all-zero chart gets a range of 0..1.
func chartSVG(weeks []WeekCount) (string, error) {
	top := 1
	bars := make([]chart.Value, len(weeks))
	for i, w := range weeks {
		if w.Flags > top {
			top = w.Flags
		}
		// "W23": the year is in the digest's heading.
		label := w.Week
		if k := strings.Index(label, "-"); k >= 0 {
			label = label[k+1:]
		}
		bars[i] = chart.Value{Label: label, Value: float64(w.Flags), Style: barStyle}
	}
	step := 1
	for top/step > 8 {
		step *= 2
	}
	var ticks []chart.Tick
	for v := 0; v <= top+step-1; v += step {
		ticks = append(ticks, chart.Tick{Value: float64(v), Label: fmt.Sprintf("%d", v)})
	}
	max := ticks[len(ticks)-1].Value
	bc := chart.BarChart{
		Title:    "Sites flagged per week",
		Width:    720,
		Height:   300,
		BarWidth: 36,
		Background: chart.Style{
			// Room below the canvas for the week labels.
			Padding: chart.Box{Top: 40, Left: 10, Right: 10, Bottom: 30},
		},
		YAxis: chart.YAxis{
			Range: &chart.ContinuousRange{Min: 0, Max: max},
			Ticks: ticks,
		},
		Bars: bars,
	}
	var b bytes.Buffer
	if err := bc.Render(chart.SVG, &b); err != nil {
		return "", fmt.Errorf("digest: chart: %w", err)
	}
	return b.String(), nil
}
