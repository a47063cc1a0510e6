"""Algeria–Mali Relations Atlas — entry point (the dashboard pages land in pages/)."""

import streamlit as st

from corpus import load_corpus

st.set_page_config(page_title="Algeria–Mali Relations Atlas", layout="wide")
corpus = load_corpus()
st.title("Algeria–Mali Relations Atlas")
st.write(corpus.counts())
