// Sentence segmentation peer: Debian's Go Punkt (gopkg.in/neurosnap/sentences.v1).
//
//	punkt-go golden FILE.tsv   one JSON line per case: {"id":..,"sentences":[..]}
//	punkt-go speed FILE.txt    segments each blank-line-separated paragraph;
//	                           prints {"bytes":..,"sentences":..,"seconds":..}
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"gopkg.in/neurosnap/sentences.v1/english"
)

func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			switch s[i] {
			case 'n':
				b.WriteByte('\n')
			case 't':
				b.WriteByte('\t')
			case 'r':
				b.WriteByte('\r')
			default:
				b.WriteByte(s[i])
			}
		} else {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

func main() {
	tok, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	mode, path := os.Args[1], os.Args[2]
	if mode == "golden" {
		f, _ := os.Open(path)
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		enc := json.NewEncoder(os.Stdout)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == '#' {
				continue
			}
			fields := strings.Split(line, "\t")
			if len(fields) < 3 {
				continue
			}
			var out []string
			for _, s := range tok.Tokenize(unescape(fields[0])) {
				if t := strings.TrimSpace(s.Text); t != "" {
					out = append(out, t)
				}
			}
			enc.Encode(map[string]interface{}{"id": fields[2], "sentences": out})
		}
		return
	}
	data, _ := os.ReadFile(path)
	paras := strings.Split(string(data), "\n\n")
	n := 0
	start := time.Now()
	for _, p := range paras {
		n += len(tok.Tokenize(p))
	}
	secs := time.Since(start).Seconds()
	fmt.Printf("{\"bytes\":%d,\"sentences\":%d,\"seconds\":%f}\n", len(data), n, secs)
}
