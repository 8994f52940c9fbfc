package decode

import (
	"bytes"
	"strings"

	"golang.org/x/text/encoding/japanese"
)

// eucJPMSIBM holds, in code order, the characters eucJP-ms (the EUC-JP of
// MySQL's ujis-ms, PHP's eucJP-win and many old PHP shops) puts in the
// user-defined rows of JIS X 0212, 0x8F 0xF3F3 to 0x8F 0xF4FE: the IBM
// extensions of CP932 that JIS X 0212 lacks (髙, 﨑, ㈱, №, ⅰ ...). The
// WHATWG EUC-JP decoder knows none of them and writes U+FFFD.
const eucJPMSIBM = "ⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ＇＂㈱№℡炻仼僴凬匇匤﨎咊坙﨏塚增寬峵嵓﨑德悅愠敎昻晥晴朗栁﨓﨔橫櫢淸淲瀨凞猪甁皂皞益礰礼神祥福竧靖精綠緖羽荢﨟薰蘒﨡蠇諸譿賴赶﨣﨤逸郞都鄕﨧﨨閒隆﨩霻靍靑飯飼館馞髙魲鶴黑"

var eucJPMSRunes = []rune(eucJPMSIBM)

// eucJPMSRune returns the character of the three-byte sequence 0x8F b1 b2
// in eucJP-ms's IBM rows, or false.
func eucJPMSRune(b1, b2 byte) (rune, bool) {
	if b2 < 0xA1 || b2 > 0xFE {
		return 0, false
	}
	var k int
	switch b1 {
	case 0xF3:
		if b2 < 0xF3 {
			return 0, false
		}
		k = int(b2) - 0xF3
	case 0xF4:
		k = 12 + int(b2) - 0xA1
	default:
		return 0, false
	}
	if k >= len(eucJPMSRunes) {
		return 0, false
	}
	return eucJPMSRunes[k], true
}

// decodeEUCJP decodes EUC-JP, reading eucJP-ms's IBM rows as well. The
// stream is walked by sequence (ASCII, 0x8E and two-byte pairs, 0x8F
// triples), so a 0x8F inside another sequence is never mistaken for a lead.
func decodeEUCJP(body []byte) (string, error) {
	dec := japanese.EUCJP.NewDecoder()
	if bytes.IndexByte(body, 0x8F) < 0 {
		b, err := dec.Bytes(body)
		return string(b), err
	}
	var sb strings.Builder
	start := 0
	for i := 0; i < len(body); {
		b := body[i]
		switch {
		case b == 0x8F && i+2 < len(body):
			if r, ok := eucJPMSRune(body[i+1], body[i+2]); ok {
				seg, err := dec.Bytes(body[start:i])
				if err != nil {
					return "", err
				}
				sb.Write(seg)
				sb.WriteRune(r)
				i += 3
				start = i
				continue
			}
			i += 3
		case b == 0x8E || b >= 0xA1 && b <= 0xFE:
			i += 2
		default:
			i++
		}
	}
	seg, err := dec.Bytes(body[start:])
	if err != nil {
		return "", err
	}
	sb.Write(seg)
	return sb.String(), nil
}
