// A tiny JSON service on the standard library that Parity packages and runs in its examples and tests.
package main

import (
	"encoding/json"
	"log"
	"net/http"
	"os"
	"runtime"
)

func main() {
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	http.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Write([]byte("ok\n"))
	})
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("content-type", "application/json")
		json.NewEncoder(w).Encode(map[string]string{"hello": "world", "go": runtime.Version()})
	})
	log.Printf("hello-go listening on %s", port)
	log.Fatal(http.ListenAndServe(":"+port, nil))
}
