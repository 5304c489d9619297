package jsontool

import (
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
)

// Random inputs for the comparisons with CPython: JSON texts laid out
// every way JSON allows (and a few ways it does not), mutations of them,
// JSON Lines files, flag sets and command lines. The run is seeded and
// small by default; JSONDUMP_TOOL_SEED and JSONDUMP_TOOL_N explore further
// (N scales every random test).

// seedN returns the seed and the case count n for a random test, def of
// them by default.
func seedN(t testing.TB, def int) (*gen, int) {
	seed := uint64(1)
	if s := os.Getenv("JSONDUMP_TOOL_SEED"); s != "" {
		v, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("JSONDUMP_TOOL_SEED: %v", err)
		}
		seed = v
	}
	n := def
	if s := os.Getenv("JSONDUMP_TOOL_N"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("JSONDUMP_TOOL_N: %v", err)
		}
		n = v
	}
	t.Logf("seed %d, %d cases (JSONDUMP_TOOL_SEED, JSONDUMP_TOOL_N)", seed, n)
	return &gen{r: rand.New(rand.NewPCG(seed, uint64(len(t.Name()))))}, n
}

type gen struct{ r *rand.Rand }

func (g *gen) n(k int) int           { return g.r.IntN(k) }
func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) pick(s ...string) string { return s[g.n(len(s))] }

// ws is JSON white space, usually none.
func (g *gen) ws() string {
	if g.chance(0.6) {
		return ""
	}
	return g.pick(" ", "\n", "\t", "  ", "\r\n", "\r", " \n  ", "\n\t\t", "\r \r\n")
}

// value is a random JSON text of at most depth levels.
func (g *gen) value(depth int) string {
	k := g.n(10)
	if depth <= 0 {
		k = g.n(5)
	}
	switch k {
	case 0, 1:
		return g.str()
	case 2, 3:
		return g.number()
	case 4:
		return g.pick("null", "true", "false", "NaN", "Infinity", "-Infinity", "0", `""`)
	case 5, 6, 7:
		var b strings.Builder
		b.WriteString("[" + g.ws())
		for i, n := 0, g.n(5); i < n; i++ {
			if i > 0 {
				b.WriteString(g.ws() + "," + g.ws())
			}
			b.WriteString(g.value(depth - 1))
		}
		b.WriteString(g.ws() + "]")
		return b.String()
	default:
		var b strings.Builder
		b.WriteString("{" + g.ws())
		n := g.n(5)
		if g.chance(0.1) {
			n = 13 + g.n(30) // past the 12 members up to which repeated keys are found pairwise
		}
		for i := 0; i < n; i++ {
			if i > 0 {
				b.WriteString(g.ws() + "," + g.ws())
			}
			key := g.str()
			if n > 12 && g.chance(0.5) {
				key = `"k` + strconv.Itoa(g.n(2*n)) + `"`
			} else if g.chance(0.4) {
				key = g.pick(`"a"`, `"b"`, `"\u0061"`, `"é"`, `"\u00e9"`, `"B"`, `"😀"`, `"\ud83d\ude00"`, `""`)
			}
			b.WriteString(key + g.ws() + ":" + g.ws() + g.value(depth-1))
		}
		b.WriteString(g.ws() + "}")
		return b.String()
	}
}

// str is a JSON string literal: text, escapes of every kind, non-ASCII text
// raw and escaped, surrogate pairs, and now and then a lone surrogate.
func (g *gen) str() string {
	var b strings.Builder
	b.WriteByte('"')
	for i, n := 0, g.n(8); i < n; i++ {
		switch g.n(12) {
		case 0, 1, 2:
			b.WriteString(g.pick("a", "hello", "Z", " ", "0", "'", "<>&", "~"))
		case 3:
			b.WriteString(g.pick(`\"`, `\\`, `\/`, `\b`, `\f`, `\n`, `\r`, `\t`))
		case 4:
			b.WriteString(g.pick(`\u0000`, `\u001f`, `\u007f`, `\u00e9`, `\u00E9`, `\u2028`, `\uFFFF`, `\u0041`, `\u0022`, `\u005c`))
		case 5:
			b.WriteString(g.pick("é", "ß", "€", "日本", "\u2028", "\u007f", "\u0085", "\ufeff", "\uffff"))
		case 6:
			b.WriteString(g.pick("😀", "𝄞", `\ud83d\ude00`, `\uD834\uDD1E`, "\U0010ffff"))
		case 7:
			if g.chance(0.3) {
				b.WriteString(g.pick(`\ud800`, `\udc00`, `\uDBFF`, `\udfff`, `\ud800\ud800`, `\udc00\ud800`, `\ud83d`, `\ude00x`))
			}
		default:
			b.WriteString(string(rune('a' + g.n(26))))
		}
	}
	b.WriteByte('"')
	return b.String()
}

// number is a JSON number as Python reads it: an int of any size, or a float
// in any spelling, including ones that overflow to infinity.
func (g *gen) number() string {
	digits := func(n int) string {
		var b strings.Builder
		b.WriteByte(byte('1' + g.n(9)))
		for i := 1; i < n; i++ {
			b.WriteByte(byte('0' + g.n(10)))
		}
		return b.String()
	}
	sign := ""
	if g.chance(0.3) {
		sign = "-"
	}
	switch g.n(10) {
	case 0:
		return sign + "0"
	case 1, 2:
		return sign + digits(1+g.n(20))
	case 3:
		return sign + digits(1+g.n(60))
	case 4:
		if g.chance(0.2) {
			return sign + digits(4299+g.n(3)) // at and past the 4300-digit limit
		}
		return sign + digits(1+g.n(5))
	case 5, 6:
		return sign + g.pick("0", digits(1+g.n(4))) + "." + strings.TrimLeft(digits(1+g.n(18)), "") + g.exp()
	case 7:
		return sign + digits(1+g.n(3)) + g.pick("e", "E") + g.pick("", "+", "-") + strconv.Itoa(g.n(400))
	case 8:
		return sign + g.pick("1e400", "1E308", "1.7976931348623157e308", "2e308", "5e-324", "1e-400", "0.0", "1.0", "100.000", "1.10", "0.1e1", "2e-5", "123456789012345678901234567890.5", "1E5", "1e16", "1e15", "0e0")
	default:
		return sign + digits(1+g.n(17)) + "." + digits(1+g.n(17))
	}
}

func (g *gen) exp() string {
	if g.chance(0.6) {
		return ""
	}
	return g.pick("e", "E") + g.pick("", "+", "-") + strconv.Itoa(g.n(30))
}

// mutate changes text in one to three random ways: a cut, a byte inserted,
// deleted or replaced (invalid UTF-8, \r, quotes, brackets among them), a
// byte order mark, deep nesting around it.
func (g *gen) mutate(text string) string {
	for i, n := 0, 1+g.n(3); i < n; i++ {
		pos := 0
		if len(text) > 0 {
			pos = g.n(len(text) + 1)
		}
		switch g.n(8) {
		case 0:
			text = text[:pos]
		case 1:
			end := min(len(text), pos+1+g.n(4))
			text = text[:pos] + text[end:]
		case 2, 3:
			text = text[:pos] + g.junk() + text[pos:]
		case 4:
			if pos < len(text) {
				text = text[:pos] + g.junk() + text[pos+1:]
			}
		case 5:
			text = "\ufeff" + text
		case 6:
			n := g.pick("2", "40", "985", "990", "995", "1000", "1001", "3000")
			k, _ := strconv.Atoi(n)
			open, close := "[", "]"
			if g.chance(0.5) {
				open, close = `{"k":`, "}"
			}
			text = strings.Repeat(open, k) + text + strings.Repeat(close, k-g.n(2))
		default:
			if pos < len(text) {
				text = text[:pos] + text[pos:pos+g.n(len(text)-pos)+1] + text[pos:]
			}
		}
	}
	return text
}

// junk is a few bytes to insert: invalid UTF-8 of each kind CPython names,
// JSON punctuation, controls.
func (g *gen) junk() string {
	if g.chance(0.2) {
		return string([]byte{byte(g.n(256))})
	}
	return g.pick("\xff", "\x80", "\xc0\xaf", "\xe2\x82", "\xe2\x82A", "\xed\xa0\x80", "\xed\xbf", "\xf0\x9f\x98", "\xf4\x90\x80\x80", "\xf5", "\xe0\x80\x80",
		"\r", "\n", "\r\n", `"`, `\`, ",", ":", "[", "]", "{", "}", "\x00", "\t", "\x1f", "\ufeff", "é", "-", "0", "e", ".", "NaN", "tru", " ")
}

// flags returns random formatting flags, each spelled one way or another.
func (g *gen) flags() []string {
	var args []string
	if g.chance(0.3) {
		args = append(args, g.pick("--sort-keys", "--sort", "--s"))
	}
	if g.chance(0.4) {
		args = append(args, g.pick("--no-ensure-ascii", "--no-e"))
	}
	switch g.n(8) {
	case 0:
		args = append(args, "--indent", strconv.Itoa(g.n(10)-2))
	case 1:
		args = append(args, "--indent="+strconv.Itoa(g.n(4)))
	case 2:
		args = append(args, g.pick("--tab", "--t"))
	case 3:
		args = append(args, g.pick("--no-indent", "--no-i"))
	case 4:
		args = append(args, g.pick("--compact", "--c"))
	}
	g.r.Shuffle(len(args), func(i, j int) { args[i], args[j] = args[j], args[i] })
	return args
}

// ioCase completes a case for text with one way of passing it: stdin,
// "-", an infile, or an infile and an outfile (which may exist).
func (g *gen) ioCase(name string, args []string, text []byte) toolCase {
	c := toolCase{name: name, args: args}
	switch g.n(5) {
	case 0:
		c.stdin = text
	case 1:
		c.stdin = text
		c.args = append(c.args, "-")
	case 2, 3:
		c.files = map[string][]byte{"in.json": text}
		c.args = append(c.args, "in.json")
	default:
		c.files = map[string][]byte{"in.json": text}
		c.outfile = "out.json"
		if g.chance(0.5) {
			c.files["out.json"] = []byte("old content\n")
		}
		c.args = append(c.args, "in.json", "out.json")
	}
	return c
}

// jsonLines is a JSON Lines file of random documents written compactly
// (no line breaks inside), with blank lines, "\r\n" or "\r" line ends, and
// maybe a bad line or a bad byte.
func (g *gen) jsonLines() string {
	var b strings.Builder
	end := g.pick("\n", "\n", "\r\n", "\r")
	for i, n := 0, g.n(8); i < n; i++ {
		doc := strings.NewReplacer("\n", " ", "\r", " ").Replace(g.value(3))
		switch {
		case g.chance(0.05):
			doc = ""
		case g.chance(0.1):
			doc = strings.NewReplacer("\n", " ", "\r", " ").Replace(g.mutate(doc))
		}
		b.WriteString(doc)
		if i < n-1 || g.chance(0.7) {
			if g.chance(0.1) {
				b.WriteString(g.pick("\n", "\r\n", "\r"))
			} else {
				b.WriteString(end)
			}
		}
	}
	return b.String()
}
