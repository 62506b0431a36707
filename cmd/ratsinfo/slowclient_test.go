package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ratsinfo/ratsinfo"
	"github.com/ratsinfo/ratsinfo/blob"
	"github.com/ratsinfo/ratsinfo/sqldb"
)

// generateCity fills dir with a generated city of n papers, through the binary.
func generateCity(t testing.TB, dir string, n int) {
	t.Helper()
	var out, errOut bytes.Buffer
	app := &App{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }}
	if code := app.Main(context.Background(), []string{"generate", "--data-dir", dir, "--papers", fmt.Sprint(n), "--log-level", "warn"}); code != 0 {
		t.Fatalf("generate: exit %d: %s", code, errOut.String())
	}
}

// slowGet sends n pipelined GETs of path on a connection whose receive buffer is
// tiny, reads nothing for idle, and then everything. The server's send buffer
// takes a few megabytes on its own, so n is chosen to exceed it: the server must
// then wait for this client. It returns how many answers arrived complete and
// the body bytes of all of them.
func slowGet(t *testing.T, baseURL, path string, n int, idle time.Duration) (complete int, bytes int64) {
	t.Helper()
	d := net.Dialer{Control: func(_, _ string, c syscall.RawConn) error {
		var serr error
		err := c.Control(func(fd uintptr) { serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 4096) })
		if err != nil {
			return err
		}
		return serr
	}}
	conn, err := d.Dial("tcp", strings.TrimPrefix(baseURL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	for i := range n {
		closing := ""
		if i == n-1 {
			closing = "Connection: close\r\n"
		}
		fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: ratsinfo.test\r\n%s\r\n", path, closing)
	}
	time.Sleep(idle)
	conn.SetReadDeadline(time.Now().Add(time.Minute))
	br := bufio.NewReaderSize(conn, 1<<20)
	for range n {
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			return complete, bytes // cut before this answer's headers
		}
		got, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		bytes += got
		if resp.StatusCode != http.StatusOK || got != resp.ContentLength {
			return complete, bytes
		}
		complete++
	}
	return complete, bytes
}

// TestSlowReaderIsCutDownloadContinues runs the real server with a page write
// timeout of one second. A client that asks for a large OParl page and does not
// read is cut off after that second, so it pins neither a connection nor the
// page's buffer; a client that downloads a large file just as slowly gets all of
// it, because file downloads have a long timeout of their own.
func TestSlowReaderIsCutDownloadContinues(t *testing.T) {
	dir := t.TempDir()
	generateCity(t, dir, 3000)
	srv := startServer(t, "--data-dir", dir, "--write-timeout", "1s")

	// Give the first public file a content far larger than any socket buffer.
	res, err := http.Get(srv.baseURL + "/oparl/v1.1/body/1/file?limit=1")
	if err != nil {
		t.Fatal(err)
	}
	var list struct{ Data []struct{ ID string } }
	err = json.NewDecoder(res.Body).Decode(&list)
	res.Body.Close()
	if err != nil || len(list.Data) == 0 {
		t.Fatalf("file list: %v %v", err, list)
	}
	var fileID int64
	fmt.Sscanf(list.Data[0].ID[strings.LastIndex(list.Data[0].ID, "/")+1:], "%d", &fileID)
	ctx := ratsinfo.SystemContext(context.Background())
	db, err := sqldb.Open(ctx, filepath.Join(dir, "ratsinfo.db"), sqldb.Options{})
	if err != nil {
		t.Fatal(err)
	}
	blobs, err := blob.NewDir(filepath.Join(dir, "dateien"))
	if err != nil {
		t.Fatal(err)
	}
	content := make([]byte, 24<<20)
	rand.Read(content)
	f, err := db.FindFileByID(ctx, fileID)
	if err != nil {
		t.Fatal(err)
	}
	f.BlobKey, f.Size, f.SHA512Checksum, err = blobs.Put(ctx, bytes.NewReader(content))
	if err != nil {
		t.Fatal(err)
	}
	if err := db.UpdateFile(ctx, f); err != nil {
		t.Fatal(err)
	}
	db.Close()

	// Four answers of 2 MB each are more than the kernel buffers take.
	page := "/oparl/v1.1/body/1/paper?limit=1000"
	if complete, got := slowGet(t, srv.baseURL, page, 4, 3*time.Second); complete == 4 {
		t.Errorf("slow reader of 4 × %s got all %d bytes after 3 s; want it cut after the 1 s page timeout", page, got)
	}
	file := fmt.Sprintf("/oparl/v1.1/file/%d/download", fileID)
	if complete, got := slowGet(t, srv.baseURL, file, 1, 3*time.Second); complete != 1 || got != int64(len(content)) {
		t.Errorf("slow download of %s: %d of %d bytes; want all of it past the page timeout", file, got, len(content))
	}
	// A reader that keeps up gets the page as before. Without compression, so the
	// page's own Content-Length says how much a complete answer is.
	plain := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	if resp, err := plain.Get(srv.baseURL + page); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("page: %v %v", err, resp)
	} else if n, _ := io.Copy(io.Discard, resp.Body); n != resp.ContentLength {
		t.Errorf("page: %d of %d bytes", n, resp.ContentLength)
	}
}

// TestConnectionsBeyondTheCapWait runs the real server with --max-connections 2:
// two clients that keep their connections open take both, a third client's
// request waits (it is not refused), and it is answered as soon as one of the
// first two closes.
func TestConnectionsBeyondTheCapWait(t *testing.T) {
	srv := startServer(t, "--demo", "--data-dir", t.TempDir(), "--max-connections", "2")
	addr := strings.TrimPrefix(srv.baseURL, "http://")
	ask := func(conn net.Conn) (*http.Response, error) {
		fmt.Fprintf(conn, "GET /healthz HTTP/1.1\r\nHost: ratsinfo.test\r\n\r\n")
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
		}
		return resp, err
	}
	var held []net.Conn
	for range 2 {
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		if resp, err := ask(conn); err != nil || resp.StatusCode != http.StatusOK {
			t.Fatalf("connection within the cap: %v %v", err, resp)
		}
		held = append(held, conn) // kept alive: the server keeps counting it
	}

	third, err := net.Dial("tcp", addr) // the kernel's backlog takes it
	if err != nil {
		t.Fatal(err)
	}
	defer third.Close()
	answered := make(chan error, 1)
	go func() {
		resp, err := ask(third)
		if err == nil && resp.StatusCode != http.StatusOK {
			err = fmt.Errorf("status %d", resp.StatusCode)
		}
		answered <- err
	}()
	select {
	case err := <-answered:
		t.Fatalf("a third connection was served beyond the cap of 2 (err %v)", err)
	case <-time.After(time.Second):
	}
	held[0].Close()
	select {
	case err := <-answered:
		if err != nil {
			t.Fatalf("the waiting connection: %v", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the waiting connection was not served after a slot became free")
	}
}
