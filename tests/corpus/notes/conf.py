# An excerpt of the Sphinx configuration of OpenAI's Spinning Up (openai/spinningup, docs/conf.py @ 023fd73d, MIT,
# "Copyright (c) 2018 OpenAI"; the notice is in README.md): its two LaTeX preambles, which define the macros
# \E, \underE and \Epi that spinningup_key_concepts.rst and spinningup_policy_gradient.rst use. Verbatim; the rest of
# the file (extensions, theme, paths) is left out. `formulary check` reads the macros of the nearest conf.py beside a
# note (readers/notes/folder_macros.py), never runs it; no other file of this folder uses these three names.

imgmath_latex_preamble = r'''
\usepackage{algorithm}
\usepackage{algorithmic}
\usepackage{amsmath}
\usepackage{cancel}

\usepackage[verbose=true,letterpaper]{geometry}
\geometry{
    textheight=12in,
    textwidth=6.5in,
    top=1in,
    headheight=12pt,
    headsep=25pt,
    footskip=30pt
    }

\newcommand{\E}{{\mathrm E}}

\newcommand{\underE}[2]{\underset{\begin{subarray}{c}#1 \end{subarray}}{\E}\left[ #2 \right]}

\newcommand{\Epi}[1]{\underset{\begin{subarray}{c}\tau \sim \pi \end{subarray}}{\E}\left[ #1 \right]}
'''

latex_elements = {
    # Additional stuff for the LaTeX preamble.
    #
    'preamble': r'''
\usepackage{algorithm}
\usepackage{algorithmic}
\usepackage{amsmath}
\usepackage{cancel}


\newcommand{\E}{{\mathrm E}}

\newcommand{\underE}[2]{\underset{\begin{subarray}{c}#1 \end{subarray}}{\E}\left[ #2 \right]}

\newcommand{\Epi}[1]{\underset{\begin{subarray}{c}\tau \sim \pi \end{subarray}}{\E}\left[ #1 \right]}
''',
}
