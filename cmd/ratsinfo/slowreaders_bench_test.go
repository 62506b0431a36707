package main

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// slowReaders is the crowd of the benchmark: clients that ask for a list page
// and never read the answer.
const slowReaders = 1500

// BenchmarkSlowReadersMemory starts the real server as its own process on a
// generated city of 3,000 papers, lets 1,500 clients ask for OParl list pages
// (30 different pages of 100 papers, about 200 kB each) without reading, and
// reports the server's resident memory before the crowd, its peak while the
// crowd waits (10 s) and the peak the kernel recorded (VmHWM). "unbounded" runs
// the server as it was before #9 item 11 (no render limit, no connection cap,
// a 5 min write timeout); "bounded" with the defaults.
//
//	go test ./cmd/ratsinfo -run '^$' -bench SlowReadersMemory -benchtime 1x -count 6
func BenchmarkSlowReadersMemory(b *testing.B) {
	if testing.Short() {
		b.Skip("Speicher-Benchmark übersprungen (-short)")
	}
	dir := b.TempDir()
	generateCity(b, dir, 3000)
	pages := listPages(b, dir, 30)
	for _, v := range []struct{ name, flags string }{
		{"unbounded", "--max-renders 1000000 --max-connections 1000000 --write-timeout 5m"},
		{"bounded", ""},
	} {
		b.Run(v.name, func(b *testing.B) {
			for b.Loop() {
				base, peak, hwm := crowdMemory(b, dir, v.flags, pages)
				b.ReportMetric(base/1e6, "MB-rss-before")
				b.ReportMetric(peak/1e6, "MB-rss-peak")
				b.ReportMetric(hwm/1e6, "MB-hwm")
			}
		})
	}
}

// benchServer runs the test binary as the server (see TestMain) and waits
// until it answers; stop ends it.
func benchServer(b *testing.B, dir, flags string) (addr string, pid int, stop func()) {
	b.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	addr = ln.Addr().String()
	ln.Close()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "RATSINFO_BENCH_SERVE=serve --data-dir "+dir+" --addr "+addr+" --log-level error "+flags)
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	stop = func() {
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
	}
	for i := 0; ; i++ {
		res, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			res.Body.Close()
			break
		}
		if i > 300 {
			stop()
			b.Fatalf("server did not start: %v", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
	return addr, cmd.Process.Pid, stop
}

// listPages follows the next links of the paper list in a server of its own, so
// that the measured servers start with an empty page cache.
func listPages(b *testing.B, dir string, n int) []string {
	addr, _, stop := benchServer(b, dir, "")
	defer stop()
	next := "http://" + addr + "/oparl/v1.1/body/1/paper"
	var pages []string
	for len(pages) < n && next != "" {
		pages = append(pages, strings.TrimPrefix(next, "http://"+addr))
		res, err := http.Get(next)
		if err != nil {
			b.Fatal(err)
		}
		var page struct{ Links struct{ Next string } }
		err = json.NewDecoder(res.Body).Decode(&page)
		res.Body.Close()
		if err != nil {
			b.Fatal(err)
		}
		next = page.Links.Next
	}
	return pages
}

// crowdMemory starts a server, measures its memory, sends the crowd and samples
// the memory while the crowd does not read.
func crowdMemory(b *testing.B, dir, flags string, pages []string) (base, peak, hwm float64) {
	addr, pid, stop := benchServer(b, dir, flags)
	defer stop()
	for _, p := range []string{"/", "/oparl/v1.1/system"} {
		if res, err := http.Get("http://" + addr + p); err == nil {
			res.Body.Close()
		}
	}
	base = procStatus(b, pid, "VmRSS")
	var mu sync.Mutex
	var conns []net.Conn
	var wg sync.WaitGroup
	for i := range slowReaders {
		wg.Go(func() {
			c, err := net.Dial("tcp", addr)
			if err != nil {
				return
			}
			fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: ratsinfo.test\r\n\r\n", pages[i%len(pages)])
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		})
	}
	wg.Wait()
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(100 * time.Millisecond) {
		peak = max(peak, procStatus(b, pid, "VmRSS"))
	}
	return base, peak, procStatus(b, pid, "VmHWM")
}

// procStatus reads a memory figure of a process in bytes from /proc.
func procStatus(b *testing.B, pid int, field string) float64 {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		b.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, field+":"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 64)
			if err != nil {
				b.Fatal(err)
			}
			return kb * 1024
		}
	}
	b.Fatalf("no %s in /proc/%d/status", field, pid)
	return 0
}
