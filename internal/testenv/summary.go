package testenv

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
)

// report records this binary's skips in a folder named after the running
// `go test` (the parent process) and, when every package expected to report has
// done so, writes the summary line to the terminal and removes the folder. The
// expected packages are those whose tests import this package, listed once per
// run with `go list` and the parent's own package patterns. Anything unusual
// (not run by `go test`, no /proc, no terminal) means no line, never a failure.
func report(skipped []string) {
	parent := os.Getppid()
	dir := filepath.Join(os.TempDir(), "ratsinfo-testenv-"+strconv.Itoa(parent))
	if os.MkdirAll(dir, 0o700) != nil {
		return
	}
	unlock, ok := lock(dir)
	if !ok {
		return
	}
	defer unlock()
	wd, _ := os.Getwd()
	name := fmt.Sprintf("%x.pkg", sha256.Sum256([]byte(wd)))
	if os.WriteFile(filepath.Join(dir, name), []byte(strings.Join(skipped, "\n")), 0o600) != nil {
		return
	}
	want, ok := expected(dir, parent)
	records, _ := filepath.Glob(filepath.Join(dir, "*.pkg"))
	if !ok || len(records) < want {
		return
	}
	all := map[string]bool{}
	for _, r := range records {
		data, _ := os.ReadFile(r)
		for _, l := range strings.Split(string(data), "\n") {
			if l != "" {
				all[l] = true
			}
		}
	}
	os.RemoveAll(dir)
	tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	defer tty.Close()
	fmt.Fprintln(tty, summary(all))
}

// summary is the line at the end of `go test ./...`.
func summary(skipped map[string]bool) string {
	if len(skipped) == 0 {
		return "testenv: keine Test-Suite übersprungen."
	}
	list := make([]string, 0, len(skipped))
	for s := range skipped {
		list = append(list, s)
	}
	sort.Strings(list)
	return "testenv: übersprungen: " + strings.Join(list, "; ") + ". Siehe README, Abschnitt Tests."
}

// lock takes the folder's lock file; a lock older than a minute is left over
// from a killed test binary and is broken.
func lock(dir string) (unlock func(), ok bool) {
	path := filepath.Join(dir, "lock")
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		if err == nil {
			f.Close()
			return func() { os.Remove(path) }, true
		}
		if fi, err := os.Stat(path); err == nil && time.Since(fi.ModTime()) > time.Minute {
			os.Remove(path)
		}
	}
	return nil, false
}

// expected returns how many packages of this `go test` run import this package
// in their tests, from the folder's cache or from `go list`.
func expected(dir string, parent int) (int, bool) {
	cache := filepath.Join(dir, "expected")
	if data, err := os.ReadFile(cache); err == nil {
		n, err := strconv.Atoi(string(data))
		return n, err == nil
	}
	proc := "/proc/" + strconv.Itoa(parent)
	cmdline, err := os.ReadFile(proc + "/cmdline")
	if err != nil {
		return 0, false
	}
	patterns, ok := goTestPatterns(strings.Split(strings.TrimRight(string(cmdline), "\x00"), "\x00"))
	if !ok {
		return 0, false
	}
	goCmd, err1 := os.Readlink(proc + "/exe")
	cwd, err2 := os.Readlink(proc + "/cwd")
	if err1 != nil || err2 != nil {
		return 0, false
	}
	self := reflect.TypeFor[registry]().PkgPath()
	cmd := exec.Command(goCmd, append([]string{"list", "-e", "-f",
		`{{join .TestImports " "}} {{join .XTestImports " "}}`}, patterns...)...)
	cmd.Dir = cwd
	out, err := cmd.Output()
	if err != nil {
		return 0, false
	}
	n := 0
	for _, l := range bytes.Split(out, []byte("\n")) {
		if bytes.Contains(append(append([]byte(" "), l...), ' '), []byte(" "+self+" ")) {
			n++
		}
	}
	os.WriteFile(cache, []byte(strconv.Itoa(n)), 0o600)
	return n, true
}

// goTestPatterns returns the package patterns of a `go test` command line, or
// false when it is not one.
func goTestPatterns(args []string) ([]string, bool) {
	if len(args) < 2 || filepath.Base(args[0]) != "go" || args[1] != "test" {
		return nil, false
	}
	var out []string
	for i := 2; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "-args" || a == "--args":
			return out, true
		case strings.HasPrefix(a, "-"):
			if name := strings.TrimLeft(a, "-"); !strings.Contains(name, "=") && valueFlags[name] {
				i++
			}
		default:
			out = append(out, a)
		}
	}
	return out, true
}

// valueFlags are the flags of `go test` and `go build` that take their value
// as the next argument.
var valueFlags = func() map[string]bool {
	m := map[string]bool{}
	for _, f := range strings.Fields(`run skip count timeout p bench benchtime tags cpu parallel list shuffle
		fuzz fuzztime fuzzminimizetime coverprofile coverpkg covermode o exec mod modfile ldflags gcflags
		asmflags vet outputdir blockprofile blockprofilerate cpuprofile memprofile memprofilerate
		mutexprofile mutexprofilefraction trace C overlay pkgdir toolexec buildvcs compiler
		installsuffix pgo`) {
		m[f] = true
	}
	return m
}()
