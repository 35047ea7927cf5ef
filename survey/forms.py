"""The form of one page of a questionnaire, built from its questions.

Each kind of question has its field and its checks: a choice must be one of
the question's, a number within its bounds, a scale from 1 to 5, a text not
too long. A question whose condition depends on an answer of the same page is
checked against what was sent with it: when the condition is not met, it is
not required and its answer is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django import forms
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from directory.models import Organisation
from survey.models import Question
from survey.services import AnswerValue, is_shown


def field_name(question: Question) -> str:
    return f"q{question.pk}"


class PageForm(forms.Form):
    """The questions of one page; `answers()` gives the values to store."""

    def __init__(
        self,
        *args: Any,
        questions: Sequence[Question],
        stored: Mapping[int, AnswerValue],
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        self.stored = stored
        on_page = {question.pk for question in self.questions}
        # Questions whose condition is answered on this same page.
        self.depends_here: dict[int, Question] = {}
        for question in self.questions:
            condition = question.condition
            if condition is not None and condition.question_id in on_page:
                self.depends_here[question.pk] = question
            field = self._field(question)
            field.required = question.required and question.pk not in self.depends_here
            self.fields[field_name(question)] = field
            self.initial[field_name(question)] = self._initial(question, stored.get(question.pk))

    def _field(self, question: Question) -> forms.Field:
        help_text = question.help_text
        condition = question.condition
        if condition is not None and condition.question_id in {q.pk for q in self.questions}:
            note = _("Only if you answered “%(choice)s” above.") % {"choice": condition.label}
            help_text = f"{help_text} {note}".strip()
        # The portal's field template marks help text safe; a question's is typed by staff.
        common: dict[str, Any] = {"label": question.text, "help_text": escape(help_text)}
        if question.kind == Question.Kind.SINGLE:
            return forms.TypedChoiceField(
                choices=[(choice.pk, choice.label) for choice in question.choices.all()],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose one of the answers offered.")},
                **common,
            )
        if question.kind == Question.Kind.MULTIPLE:
            return forms.TypedMultipleChoiceField(
                choices=[(choice.pk, choice.label) for choice in question.choices.all()],
                coerce=int,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"invalid_choice": _("Choose among the answers offered.")},
                **common,
            )
        if question.kind == Question.Kind.SCALE:
            return forms.TypedChoiceField(
                choices=[(n, scale_label(n)) for n in range(Question.SCALE_MIN, 6)],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose a value from 1 to 5.")},
                **common,
            )
        if question.kind == Question.Kind.NUMBER:
            return forms.IntegerField(
                min_value=question.min_value,
                max_value=question.max_value,
                error_messages={
                    "invalid": _("Type a whole number, such as 12."),
                    "min_value": _("The smallest accepted is %(limit_value)s."),
                    "max_value": _("The largest accepted is %(limit_value)s."),
                },
                **common,
            )
        if question.kind == Question.Kind.SHORT_TEXT:
            return forms.CharField(max_length=Question.SHORT_TEXT_MAX, **common)
        return forms.CharField(
            max_length=Question.LONG_TEXT_MAX,
            widget=forms.Textarea(attrs={"rows": 5}),
            **common,
        )

    @staticmethod
    def _initial(question: Question, value: AnswerValue) -> Any:
        return value

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        sent: dict[int, AnswerValue] = dict(self.stored)
        for question in self.questions:
            sent[question.pk] = cleaned.get(field_name(question))
        for question in self.depends_here.values():
            name = field_name(question)
            if not is_shown(question, sent):
                cleaned[name] = None
                self.errors.pop(name, None)
            elif question.required and cleaned.get(name) in (None, "", []):
                self.add_error(name, forms.Field.default_error_messages["required"])
        return cleaned

    def answers(self) -> dict[int, AnswerValue]:
        """The validated values by question id, empty answers as None."""
        values: dict[int, AnswerValue] = {}
        for question in self.questions:
            value = self.cleaned_data.get(field_name(question))
            if value in ("", [], None):
                values[question.pk] = None
            elif isinstance(value, list):
                values[question.pk] = sorted(int(v) for v in value)
            elif isinstance(value, int):
                values[question.pk] = value
            else:
                values[question.pk] = str(value)
        return values


def scale_label(value: int) -> str:
    labels = {
        1: gettext_lazy("1 – very poor"),
        2: gettext_lazy("2 – poor"),
        3: gettext_lazy("3 – fair"),
        4: gettext_lazy("4 – good"),
        5: gettext_lazy("5 – very good"),
    }
    return str(labels[value])


class OrganisationChoiceForm(forms.Form):
    """Which of the member's organisations answers (shown when there are several)."""

    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        label=gettext_lazy("Answer for"),
        widget=forms.RadioSelect,
        empty_label=None,
    )

    def __init__(self, *args: Any, organisations: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        if isinstance(field, forms.ModelChoiceField):
            field.queryset = organisations
