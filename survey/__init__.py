"""The survey of the cluster's organisations (issue: questionnaires, answers, results)."""
