"""The farasa backend's process handling, against a stand-in jar the test builds (JDK needed).

The stand-in speaks Farasa's segmenter protocol as farasapy's interactive mode uses it: one line
in on stdin, one line out on stdout, words separated by spaces, segments joined by "+". It splits
و/ال/ب prefixes and the ها suffix; "CRASH" makes it exit, "HANG" makes it stall.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from services.segmenter.farasa import (
    JAR_NAME,
    FarasaError,
    FarasaProcess,
    FarasaUnavailable,
    align,
    analysis_from_segments,
    find_jar,
    segment_with_farasa,
)
from services.segmenter.logic import segment
from shared.schemas import Article
from shared.settings import ExtractionSettings

STAND_IN = r"""
import java.io.*;
import java.nio.charset.StandardCharsets;

public class StandIn {
    static String seg(String w) {
        StringBuilder out = new StringBuilder();
        if (w.startsWith("و") && w.length() > 3) { out.append("و+"); w = w.substring(1); }
        if (w.startsWith("ال") && w.length() > 3) { out.append("ال+"); w = w.substring(2); }
        else if (w.startsWith("ب") && w.length() > 3) { out.append("ب+"); w = w.substring(1); }
        if (w.endsWith("ها") && w.length() > 4) { out.append(w, 0, w.length() - 2).append("+ها"); }
        else { out.append(w); }
        return out.toString();
    }
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, "UTF-8");
        String line;
        while ((line = in.readLine()) != null) {
            if (line.contains("CRASH")) System.exit(3);
            if (line.contains("HANG")) Thread.sleep(60000);
            StringBuilder sb = new StringBuilder();
            for (String w : line.trim().split("\\s+")) {
                String word = w.replaceAll("[.,،:!؟]+$", "");
                String punct = w.substring(word.length());
                if (sb.length() > 0) sb.append(' ');
                sb.append(seg(word));
                if (!punct.isEmpty()) sb.append(' ').append(punct);
            }
            out.println(sb);
        }
    }
}
"""


@pytest.fixture(scope="module")
def jar_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("javac") is None or shutil.which("jar") is None or shutil.which("java") is None:
        pytest.skip("needs a JDK (javac, jar, java)")
    root = tmp_path_factory.mktemp("farasa")
    (root / "StandIn.java").write_text(STAND_IN, encoding="utf-8")
    subprocess.run(["javac", "-encoding", "UTF-8", "StandIn.java"], cwd=root, check=True, timeout=120)
    (root / "manifest.txt").write_text("Main-Class: StandIn\n", encoding="utf-8")
    lib = root / "lib"
    lib.mkdir()
    subprocess.run(["jar", "cfm", str(lib / JAR_NAME), "manifest.txt", "StandIn.class"], cwd=root, check=True,
                   timeout=120)
    return root


def test_missing_jar_gives_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FarasaUnavailable, match="HADATH_EXTRACTION__FARASA_JAR_DIR"):
        find_jar(None)
    with pytest.raises(FarasaUnavailable, match=JAR_NAME):
        segment(Article(id="a", body="نص"), ExtractionSettings(segmenter_backend="farasa", farasa_jar_dir=tmp_path))


def test_jar_found_under_lib(jar_dir: Path) -> None:
    assert find_jar(jar_dir) == jar_dir / "lib" / JAR_NAME


def test_segments_map_back_to_the_body(jar_dir: Path) -> None:
    process = FarasaProcess(find_jar(jar_dir), timeout_s=20)
    try:
        body = "وصل الوزير بالطائرة، وزار المدينة وسكانها.\nثم عاد."
        seg = segment_with_farasa(Article(id="a", body=body), ExtractionSettings(), process)
        assert seg.segmenter == "farasa"
        assert all(body[t.start:t.end] == t.text for t in seg.token_rows())
        by_text = {t.text: t for t in seg.token_rows()}
        assert by_text["الوزير"].prefixes == ("ال",) and by_text["الوزير"].stem == "وزير"
        assert by_text["وسكانها"].prefixes == ("و",) and by_text["وسكانها"].suffixes == ("ها",)
        assert [t.text for t in seg.token_rows()] == [t.text for t in segment(Article(id="a", body=body)).token_rows()]
    finally:
        process.close()


def test_crashed_process_is_restarted(jar_dir: Path) -> None:
    process = FarasaProcess(find_jar(jar_dir), timeout_s=20)
    try:
        assert process.segment_line("الوزير") == "ال+وزير"
        with pytest.raises(FarasaError, match="twice"):
            process.segment_line("CRASH")
        assert process.segment_line("والقاهرة") == "و+ال+قاهرة"
        assert process.starts >= 2
    finally:
        process.close()


def test_hung_process_times_out_and_recovers(jar_dir: Path) -> None:
    process = FarasaProcess(find_jar(jar_dir), timeout_s=2)
    try:
        with pytest.raises(FarasaError, match="did not answer"):
            process.segment_line("HANG")
        assert process.segment_line("بليبيا") == "ب+ليبيا"
    finally:
        process.close()


def test_align_follows_farasas_lam_alif_lam_convention() -> None:
    text = "للقوات والقاهرة، 2024"
    spans = [(0, 6), (7, 15), (17, 21)]
    analyses = align(spans, text, "ل+ال+قوات و+ال+قاهرة ، 2024")
    assert analyses[0] == (["ل", "ال"], "قوات", [])
    assert analyses[1] == (["و", "ال"], "قاهره", [])
    assert analyses[2] == ([], "2024", [])


def test_analysis_from_segments() -> None:
    assert analysis_from_segments(["و", "ال", "قاهرة"]) == (["و", "ال"], "قاهره", [])
    assert analysis_from_segments(["لل", "قوات"]) == (["ل", "ال"], "قوات", [])
    assert analysis_from_segments(["زيارت", "ه"]) == ([], "زيارت", ["ه"])
    assert analysis_from_segments(["سرت"]) == ([], "سرت", [])
