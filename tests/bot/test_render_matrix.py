"""Matrix messages say everything in plain text and in HTML, buttons as numbered choices."""

from __future__ import annotations

from bot.render_matrix import MatrixText, render_matrix
from handlers.conversation.choices import choices_of
from handlers.replies import Button, Card, Reply


def test_a_card_with_fields_link_and_buttons_reads_the_same_in_text_and_html() -> None:
    reply = Reply(
        "Die nächste Konferenz:",
        cards=(
            Card(
                "Regionalkonferenz Süd <Ulm>",
                fields=(("Wann", "Di., 14. Okt. 2025"), ("Wo", "Ulm")),
                body="Mit Workshops & Markt.",
                link="https://example.org/ulm",
                buttons=(Button("Details", "conference_details", "sued"),),
            ),
            Card("Kongress", buttons=(Button("Anmelden", "register", "kongress"),)),
        ),
        notes=("Fragen Sie auch nach dem Programm.",),
    )

    assert render_matrix(reply) == MatrixText(
        body="Die nächste Konferenz:\n\n"
        "Regionalkonferenz Süd <Ulm>\nWann: Di., 14. Okt. 2025\nWo: Ulm\n"
        "Mit Workshops & Markt.\nMehr Informationen: https://example.org/ulm\n\n"
        "Kongress\n\n"
        "Fragen Sie auch nach dem Programm.\n\n"
        "1) Details – Regionalkonferenz Süd <Ulm>\n2) Anmelden – Kongress\n"
        "Antworten Sie mit der Nummer (z. B. „1“) oder dem Namen.",
        html="<p>Die nächste Konferenz:</p>"
        "<p><strong>Regionalkonferenz Süd &lt;Ulm&gt;</strong></p>"
        "<ul><li><strong>Wann:</strong> Di., 14. Okt. 2025</li>"
        "<li><strong>Wo:</strong> Ulm</li></ul>"
        "<p>Mit Workshops &amp; Markt.</p>"
        '<p><a href="https://example.org/ulm">Mehr Informationen</a></p>'
        "<p><strong>Kongress</strong></p>"
        "<p>Fragen Sie auch nach dem Programm.</p>"
        "<ol><li>Details – Regionalkonferenz Süd &lt;Ulm&gt;</li><li>Anmelden – Kongress</li></ol>"
        "<p>Antworten Sie mit der Nummer (z. B. „1“) oder dem Namen.</p>",
    )
    assert [choice.label for choice in choices_of(reply)] == ["Details", "Anmelden"]


def test_line_breaks_survive_in_html() -> None:
    assert render_matrix(Reply("Zeile eins\nZeile zwei")).html == "<p>Zeile eins<br>Zeile zwei</p>"
