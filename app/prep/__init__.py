"""Pure aggregates of the dashboard's pages: frames in, frames or numbers out (never calls st.*)."""
