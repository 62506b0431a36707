package main

import (
	"io"
	"net/http"
	"testing"
)

// BenchmarkCompressOParlList fetches one big OParl list page (500 papers)
// through the real binary, plain, gzip and brotli: the time of the whole
// request and the bytes on the wire (metric "bytes"). Compare the medians of
// -count runs between the three in the same run.
func BenchmarkCompressOParlList(b *testing.B) {
	srv := startServer(b, "--data-dir", demoDataDir(b), "--migrate")
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	for _, enc := range []string{"identity", "gzip", "br"} {
		b.Run(enc, func(b *testing.B) {
			var n int64
			for b.Loop() {
				req, _ := http.NewRequest("GET", srv.baseURL+"/oparl/v1.1/body/1/paper?limit=500", nil)
				req.Header.Set("Accept-Encoding", enc)
				res, err := client.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				n, err = io.Copy(io.Discard, res.Body)
				res.Body.Close()
				if err != nil || res.StatusCode != 200 {
					b.Fatalf("status %d: %v", res.StatusCode, err)
				}
			}
			b.ReportMetric(float64(n), "bytes")
		})
	}
}
